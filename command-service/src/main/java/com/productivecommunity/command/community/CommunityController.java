package com.productivecommunity.command.community;

import com.productivecommunity.command.api.CommandSender;
import com.productivecommunity.command.api.Responses;
import com.productivecommunity.command.community.CommunityCommands.FoundCommunity;
import com.productivecommunity.command.community.CommunityCommands.JoinCommunity;
import com.productivecommunity.command.community.CommunityCommands.LeaveCommunity;
import com.productivecommunity.command.community.CommunityCommands.NameLeader;
import com.productivecommunity.command.community.CommunityCommands.RecordOutcome;
import com.productivecommunity.command.community.CommunityCommands.RemoveLeader;
import com.productivecommunity.command.community.CommunityCommands.RemoveMember;
import com.productivecommunity.command.community.CommunityCommands.StateCommunityPurpose;
import com.productivecommunity.command.community.CommunityCommands.StateMemberPurpose;
import com.productivecommunity.command.rules.Audience;
import com.productivecommunity.command.rules.CommandLookup;
import com.productivecommunity.command.rules.Stamps;
import com.productivecommunity.command.rules.UnknownCommunity;
import com.productivecommunity.support.security.Member;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/communities")
class CommunityController {

    private final CommandSender commands;
    private final CommandLookup lookup;
    private final Stamps stamps;

    CommunityController(CommandSender commands, CommandLookup lookup, Stamps stamps) {
        this.commands = commands;
        this.lookup = lookup;
        this.stamps = stamps;
    }

    /** {@code openToExternal}: partners and customers may join (default false: the staff only). */
    record FoundCommunityRequest(String name, String purpose, Boolean openToExternal) {
    }

    record CommunityFoundedResponse(UUID communityId) {
    }

    record PurposeRequest(String purpose) {
    }

    record RecordOutcomeRequest(String description, BigDecimal value, List<UUID> contributionIds) {
    }

    record OutcomeRecordedResponse(UUID outcomeId) {
    }

    record LeaderRequest(String memberId) {
    }

    record RemovalRequest(String reason) {
    }

    @PostMapping
    ResponseEntity<CommunityFoundedResponse> found(@RequestBody FoundCommunityRequest request, Member member) {
        UUID communityId = stamps.newId();
        var sent = commands.send(new FoundCommunity(communityId, member.id(), request.name(), request.purpose(),
                        member.segments(), Boolean.TRUE.equals(request.openToExternal())),
                communityId.toString());
        return Responses.of(HttpStatus.CREATED, sent, new CommunityFoundedResponse(communityId));
    }

    @PostMapping("/{communityId}/members")
    ResponseEntity<Void> join(@PathVariable UUID communityId, @RequestBody(required = false) PurposeRequest request,
                              Member member) {
        requireCommunity(communityId);
        String purpose = request == null ? null : request.purpose();
        return Responses.of(HttpStatus.CREATED,
                commands.send(new JoinCommunity(communityId, member.id(), purpose, member.segments()),
                        communityId.toString()));
    }

    @DeleteMapping("/{communityId}/members/me")
    ResponseEntity<Void> leave(@PathVariable UUID communityId, Member member) {
        requireCommunity(communityId);
        return Responses.of(HttpStatus.NO_CONTENT,
                commands.send(new LeaveCommunity(communityId, member.id()), communityId.toString()));
    }

    @PutMapping("/{communityId}/purpose")
    ResponseEntity<Void> statePurpose(@PathVariable UUID communityId, @RequestBody PurposeRequest request,
                                      Member member) {
        requireCommunity(communityId, member);
        return Responses.of(HttpStatus.OK, commands.send(
                new StateCommunityPurpose(communityId, member.id(), request.purpose(), member.segments()),
                communityId.toString()));
    }

    @PutMapping("/{communityId}/members/me/purpose")
    ResponseEntity<Void> stateMemberPurpose(@PathVariable UUID communityId, @RequestBody PurposeRequest request,
                                            Member member) {
        requireCommunity(communityId, member);
        return Responses.of(HttpStatus.OK, commands.send(
                new StateMemberPurpose(communityId, member.id(), request.purpose(), member.segments()),
                communityId.toString()));
    }

    @PostMapping("/{communityId}/outcomes")
    ResponseEntity<OutcomeRecordedResponse> recordOutcome(@PathVariable UUID communityId,
                                                          @RequestBody RecordOutcomeRequest request, Member member) {
        requireCommunity(communityId, member);
        UUID outcomeId = stamps.newId();
        var sent = commands.send(new RecordOutcome(communityId, member.id(), outcomeId, request.description(),
                request.value(), request.contributionIds(), member.segments()), communityId.toString());
        return Responses.of(HttpStatus.CREATED, sent, new OutcomeRecordedResponse(outcomeId));
    }

    /** 201 when the member becomes a leader, 200 when they already were one. */
    @PostMapping("/{communityId}/leaders")
    ResponseEntity<Void> nameLeader(@PathVariable UUID communityId, @RequestBody LeaderRequest request,
                                    Member member) {
        requireCommunity(communityId, member);
        var sent = commands.send(new NameLeader(communityId, member.id(), request.memberId()), communityId.toString());
        return Responses.of(sent.stored() ? HttpStatus.CREATED : HttpStatus.OK, sent);
    }

    @DeleteMapping("/{communityId}/leaders/{memberId}")
    ResponseEntity<Void> removeLeader(@PathVariable UUID communityId, @PathVariable String memberId, Member member) {
        requireCommunity(communityId, member);
        return Responses.of(HttpStatus.NO_CONTENT,
                commands.send(new RemoveLeader(communityId, member.id(), memberId), communityId.toString()));
    }

    @PostMapping("/{communityId}/members/{memberId}/removal")
    ResponseEntity<Void> removeMember(@PathVariable UUID communityId, @PathVariable String memberId,
                                      @RequestBody RemovalRequest request, Member member) {
        requireCommunity(communityId, member);
        return Responses.of(HttpStatus.NO_CONTENT, commands.send(
                new RemoveMember(communityId, member.id(), memberId, request.reason()), communityId.toString()));
    }

    /** Also keeps a contribution's id from being loaded as a community. */
    private void requireCommunity(UUID communityId) {
        if (!lookup.communityExists(communityId)) {
            throw new UnknownCommunity(communityId);
        }
    }

    /** An existing community in which the member may act ({@link Audience}). */
    private void requireCommunity(UUID communityId, Member member) {
        requireCommunity(communityId);
        Audience.require(lookup, communityId, member);
    }
}
