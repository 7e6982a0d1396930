package com.productivecommunity.command.contribution;

import com.productivecommunity.command.api.CommandSender;
import com.productivecommunity.command.api.Responses;
import com.productivecommunity.command.contribution.ContributionCommands.AcceptAnswer;
import com.productivecommunity.command.contribution.ContributionCommands.EditContribution;
import com.productivecommunity.command.contribution.ContributionCommands.GiveReaction;
import com.productivecommunity.command.contribution.ContributionCommands.HideContribution;
import com.productivecommunity.command.contribution.ContributionCommands.PostContribution;
import com.productivecommunity.command.contribution.ContributionCommands.RetractContribution;
import com.productivecommunity.command.contribution.ContributionCommands.ViewContribution;
import com.productivecommunity.command.rules.Audience;
import com.productivecommunity.command.rules.CommandLookup;
import com.productivecommunity.command.rules.CommandLookup.ContributionFacts;
import com.productivecommunity.command.rules.Stamps;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.NotFoundException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ContributionController {

    private final CommandSender commands;
    private final CommandLookup lookup;
    private final Stamps stamps;

    ContributionController(CommandSender commands, CommandLookup lookup, Stamps stamps) {
        this.commands = commands;
        this.lookup = lookup;
        this.stamps = stamps;
    }

    record PostContributionRequest(ContributionKind kind, String title, String body, UUID inReplyTo) {
    }

    record ContributionPostedResponse(UUID contributionId) {
    }

    record ReactionRequest(ReactionKind kind) {
    }

    record AcceptAnswerRequest(UUID answerId) {
    }

    record EditRequest(String title, String body) {
    }

    record HideRequest(String reason) {
    }

    @PostMapping("/api/communities/{communityId}/contributions")
    ResponseEntity<ContributionPostedResponse> post(@PathVariable UUID communityId,
                                                    @RequestBody PostContributionRequest request, Member member) {
        Audience.require(lookup, communityId, member);
        UUID contributionId = stamps.newId();
        var sent = commands.send(new PostContribution(contributionId, communityId, member.id(), request.kind(),
                request.title(), request.body(), request.inReplyTo()), contributionId.toString());
        return Responses.of(HttpStatus.CREATED, sent, new ContributionPostedResponse(contributionId));
    }

    /** 201 for a new reaction, 200 when this member had already given this kind. */
    @PostMapping("/api/contributions/{contributionId}/reactions")
    ResponseEntity<Void> react(@PathVariable UUID contributionId, @RequestBody ReactionRequest request, Member member) {
        requireContribution(contributionId, member);
        var sent = commands.send(new GiveReaction(contributionId, member.id(), request.kind()), contributionId.toString());
        return Responses.of(sent.stored() ? HttpStatus.CREATED : HttpStatus.OK, sent);
    }

    @PostMapping("/api/contributions/{contributionId}/views")
    ResponseEntity<Void> view(@PathVariable UUID contributionId, Member member) {
        requireContribution(contributionId, member);
        return Responses.of(HttpStatus.ACCEPTED,
                commands.send(new ViewContribution(contributionId, member.id()), contributionId.toString()));
    }

    @PutMapping("/api/contributions/{questionId}/accepted-answer")
    ResponseEntity<Void> acceptAnswer(@PathVariable UUID questionId, @RequestBody AcceptAnswerRequest request,
                                      Member member) {
        requireContribution(questionId, member);
        return Responses.of(HttpStatus.OK,
                commands.send(new AcceptAnswer(questionId, member.id(), request.answerId()), questionId.toString()));
    }

    /** The author replaces title and body; 200 also when nothing changed (no event then). */
    @PutMapping("/api/contributions/{contributionId}")
    ResponseEntity<Void> edit(@PathVariable UUID contributionId, @RequestBody EditRequest request, Member member) {
        requireContribution(contributionId, member);
        return Responses.of(HttpStatus.OK, commands.send(
                new EditContribution(contributionId, member.id(), request.title(), request.body()),
                contributionId.toString()));
    }

    /** The author retracts their contribution. */
    @DeleteMapping("/api/contributions/{contributionId}")
    ResponseEntity<Void> retract(@PathVariable UUID contributionId, Member member) {
        requireContribution(contributionId);
        return Responses.of(HttpStatus.NO_CONTENT,
                commands.send(new RetractContribution(contributionId, member.id()), contributionId.toString()));
    }

    /** A leader of its community hides it, with a reason. */
    @PutMapping("/api/contributions/{contributionId}/hidden")
    ResponseEntity<Void> hide(@PathVariable UUID contributionId, @RequestBody HideRequest request, Member member) {
        requireContribution(contributionId, member);
        return Responses.of(HttpStatus.OK, commands.send(
                new HideContribution(contributionId, member.id(), request.reason()), contributionId.toString()));
    }

    /** Also keeps a community's id from being loaded as a contribution. */
    private void requireContribution(UUID contributionId) {
        if (lookup.contribution(contributionId).isEmpty()) {
            throw new NotFoundException("No contribution " + contributionId);
        }
    }

    /** An existing contribution in whose community the member may act ({@link Audience}). */
    private void requireContribution(UUID contributionId, Member member) {
        ContributionFacts contribution = lookup.contribution(contributionId)
                .orElseThrow(() -> new NotFoundException("No contribution " + contributionId));
        Audience.require(lookup, contribution.communityId(), member);
    }
}
