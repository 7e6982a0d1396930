package com.productivecommunity.command.contribution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.productivecommunity.command.contribution.ContributionCommands.AcceptAnswer;
import com.productivecommunity.command.contribution.ContributionCommands.EditContribution;
import com.productivecommunity.command.contribution.ContributionCommands.GiveReaction;
import com.productivecommunity.command.contribution.ContributionCommands.HideContribution;
import com.productivecommunity.command.contribution.ContributionCommands.PostContribution;
import com.productivecommunity.command.contribution.ContributionCommands.RetractContribution;
import com.productivecommunity.command.contribution.ContributionCommands.ViewContribution;
import com.productivecommunity.command.contribution.ContributionRejections.AnotherAnswerAccepted;
import com.productivecommunity.command.contribution.ContributionRejections.AuthorOnly;
import com.productivecommunity.command.contribution.ContributionRejections.LeadersOnly;
import com.productivecommunity.command.contribution.ContributionRejections.MembersOnly;
import com.productivecommunity.command.contribution.ContributionRejections.OwnContribution;
import com.productivecommunity.command.contribution.ContributionRejections.QuestionAuthorOnly;
import com.productivecommunity.command.contribution.ContributionRejections.Withdrawn;
import com.productivecommunity.command.rules.CommandLookup.ContributionFacts;
import com.productivecommunity.command.rules.CommandLookup;
import com.productivecommunity.command.rules.InvalidInput;
import com.productivecommunity.command.rules.Limits;
import com.productivecommunity.command.rules.Stamps;
import com.productivecommunity.command.rules.UnknownCommunity;
import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionRetracted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.ReactionGiven;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One contribution (question, answer, post or idea) with the reactions and first views it received.
 * Membership and other contributions are read from the {@link CommandLookup}.
 *
 * <p>Its author may edit it (new title and body, the posting rules) or retract it; a leader of its community may
 * hide it, with a reason. A retracted or hidden contribution is final: no edit, reaction, hiding or retraction
 * after it (409), and views of it are accepted but not recorded.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Contribution {

    @AggregateIdentifier
    private UUID contributionId;
    private UUID communityId;
    private ContributionKind kind;
    private String authorId;
    private Set<String> reactions = new HashSet<>();
    private Set<String> viewers = new HashSet<>();
    private UUID acceptedAnswerId;
    /** The current texts (null in a snapshot taken before editing existed: every edit then counts as a change). */
    private String title;
    private String body;
    private boolean retracted;
    private boolean hidden;

    Contribution() {
    }

    @CommandHandler
    Contribution(PostContribution command, CommandLookup lookup, Stamps stamps) {
        if (!lookup.communityExists(command.communityId())) {
            throw new UnknownCommunity(command.communityId());
        }
        if (!lookup.isMember(command.communityId(), command.memberId())) {
            throw new MembersOnly(command.memberId());
        }
        if (command.kind() == null) {
            throw new InvalidInput("kind", "kind is required: one of QUESTION, ANSWER, POST, IDEA");
        }
        boolean answer = command.kind() == ContributionKind.ANSWER;
        String title = answer ? Limits.optionalTitle(command.title()) : Limits.title(command.title());
        String body = Limits.body(command.body());
        String inReplyToAuthorId = null;
        if (answer) {
            if (command.inReplyTo() == null) {
                throw new InvalidInput("inReplyTo", "An ANSWER needs inReplyTo: the question it answers");
            }
            ContributionFacts question = lookup.contribution(command.inReplyTo())
                    .filter(facts -> facts.kind() == ContributionKind.QUESTION)
                    .filter(facts -> facts.communityId().equals(command.communityId()))
                    .orElseThrow(() -> new InvalidInput("inReplyTo",
                            "inReplyTo " + command.inReplyTo() + " is not a question of this community"));
            if (question.withdrawn()) {
                throw new Withdrawn(question.contributionId(), "retracted or hidden: it takes no more answers");
            }
            inReplyToAuthorId = question.authorId();
        } else if (command.inReplyTo() != null) {
            throw new InvalidInput("inReplyTo",
                    "Only an ANSWER replies to something: a " + command.kind() + " has no inReplyTo");
        }
        apply(new ContributionPosted(stamps.newId(), command.communityId(), command.memberId(), stamps.now(),
                command.contributionId(), command.kind(), title, body, command.inReplyTo(), inReplyToAuthorId));
    }

    @CommandHandler
    void handle(GiveReaction command, CommandLookup lookup, Stamps stamps) {
        requireMember(command.memberId(), lookup);
        if (command.kind() == null) {
            throw new InvalidInput("kind", "kind is required: one of LIKE, THANKS, USEFUL");
        }
        if (authorId.equals(command.memberId())) {
            throw new OwnContribution();
        }
        requireNotWithdrawn();
        if (reactions.contains(reaction(command.memberId(), command.kind().name()))) {
            return; // the same member already gave this kind: accepted, nothing new to record
        }
        apply(new ReactionGiven(stamps.newId(), communityId, command.memberId(), stamps.now(), contributionId,
                authorId, command.kind()));
    }

    @CommandHandler
    void handle(ViewContribution command, CommandLookup lookup, Stamps stamps) {
        requireMember(command.memberId(), lookup);
        if (authorId.equals(command.memberId()) || viewers.contains(command.memberId()) || withdrawn()) {
            return; // only a first view by somebody else counts, and only of a contribution still shown
        }
        apply(new ContributionViewed(stamps.newId(), communityId, command.memberId(), stamps.now(), contributionId,
                authorId));
    }

    @CommandHandler
    void handle(AcceptAnswer command, CommandLookup lookup, Stamps stamps) {
        if (!authorId.equals(command.memberId())) {
            throw new QuestionAuthorOnly(command.memberId());
        }
        if (kind != ContributionKind.QUESTION) {
            throw new InvalidInput("questionId", "Only a question has an accepted answer; this is a " + kind);
        }
        if (command.answerId() == null) {
            throw new InvalidInput("answerId", "answerId is required");
        }
        ContributionFacts answer = lookup.contribution(command.answerId())
                .filter(facts -> facts.kind() == ContributionKind.ANSWER)
                .filter(facts -> contributionId.equals(facts.inReplyTo()))
                .orElseThrow(() -> new InvalidInput("answerId",
                        "Contribution " + command.answerId() + " is not an answer to this question"));
        if (command.answerId().equals(acceptedAnswerId)) {
            return; // accepting the accepted answer again changes nothing
        }
        requireNotWithdrawn();
        if (answer.withdrawn()) {
            throw new Withdrawn(answer.contributionId(), "retracted or hidden");
        }
        if (acceptedAnswerId != null) {
            throw new AnotherAnswerAccepted(acceptedAnswerId);
        }
        apply(new AnswerAccepted(stamps.newId(), communityId, command.memberId(), stamps.now(), contributionId,
                command.answerId(), answer.authorId()));
    }

    @CommandHandler
    void handle(EditContribution command, CommandLookup lookup, Stamps stamps) {
        requireAuthor(command.memberId());
        requireMember(command.memberId(), lookup);
        requireNotWithdrawn();
        String newTitle = kind == ContributionKind.ANSWER ? Limits.optionalTitle(command.title())
                : Limits.title(command.title());
        String newBody = Limits.body(command.body());
        if (body != null && Objects.equals(newTitle, title) && newBody.equals(body)) {
            return; // the same texts again: nothing changed
        }
        apply(new ContributionEdited(stamps.newId(), communityId, command.memberId(), stamps.now(), contributionId,
                newTitle, newBody));
    }

    /** The author may retract even after leaving the community: it is their text. */
    @CommandHandler
    void handle(RetractContribution command, Stamps stamps) {
        requireAuthor(command.memberId());
        requireNotWithdrawn();
        apply(new ContributionRetracted(stamps.newId(), communityId, command.memberId(), stamps.now(),
                contributionId));
    }

    @CommandHandler
    void handle(HideContribution command, CommandLookup lookup, Stamps stamps) {
        if (!lookup.isLeader(communityId, command.memberId())) {
            throw new LeadersOnly(command.memberId());
        }
        String reason = Limits.reason(command.reason());
        requireNotWithdrawn();
        apply(new ContributionHidden(stamps.newId(), communityId, command.memberId(), stamps.now(), contributionId,
                authorId, reason));
    }

    private void requireAuthor(String memberId) {
        if (!authorId.equals(memberId)) {
            throw new AuthorOnly(memberId);
        }
    }

    private boolean withdrawn() {
        return retracted || hidden;
    }

    private void requireNotWithdrawn() {
        if (retracted) {
            throw new Withdrawn(contributionId, "retracted by its author");
        }
        if (hidden) {
            throw new Withdrawn(contributionId, "hidden by a leader");
        }
    }

    private void requireMember(String memberId, CommandLookup lookup) {
        if (!lookup.isMember(communityId, memberId)) {
            throw new MembersOnly(memberId);
        }
    }

    private static String reaction(String memberId, String kind) {
        return kind + "/" + memberId;
    }

    @EventSourcingHandler
    void on(ContributionPosted event) {
        contributionId = event.contributionId();
        communityId = event.communityId();
        kind = event.kind();
        authorId = event.actorId();
        title = event.title();
        body = event.body();
    }

    @EventSourcingHandler
    void on(ContributionEdited event) {
        title = event.title();
        body = event.body();
    }

    @EventSourcingHandler
    void on(ContributionRetracted event) {
        retracted = true;
    }

    @EventSourcingHandler
    void on(ContributionHidden event) {
        hidden = true;
    }

    @EventSourcingHandler
    void on(ReactionGiven event) {
        reactions.add(reaction(event.actorId(), event.kind().name()));
    }

    @EventSourcingHandler
    void on(ContributionViewed event) {
        viewers.add(event.actorId());
    }

    @EventSourcingHandler
    void on(AnswerAccepted event) {
        acceptedAnswerId = event.answerId();
    }
}
