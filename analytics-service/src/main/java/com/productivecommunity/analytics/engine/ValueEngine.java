package com.productivecommunity.analytics.engine;

import com.productivecommunity.analytics.model.Signal;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionRetracted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.EventCatalog;
import com.productivecommunity.events.LeaderNamed;
import com.productivecommunity.events.LeaderRemoved;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.MemberRemoved;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Applies the value models to events. The rules (who gets which signal, what counts once) are code;
 * how much a signal is worth is the model's data, so a new model version needs no new code.
 * Each event is judged once against the rule state, then weighed under every model.
 */
public final class ValueEngine {

    private final List<ValueModel> models;

    public ValueEngine(List<ValueModel> models) {
        this.models = List.copyOf(models);
    }

    public List<ValueModel> models() {
        return models;
    }

    /** The ledger entries the event earns under every model, in model order; records what the rules need. */
    public List<LedgerEntry> apply(CommunityEvent event, RuleState state) {
        List<Award> awards = awards(event, state);
        if (awards.isEmpty()) {
            return List.of();
        }
        String type = EventCatalog.typeName(event.getClass());
        List<LedgerEntry> entries = new ArrayList<>();
        for (ValueModel model : models) {
            for (Award award : awards) {
                BigDecimal points = model.weight(award.signal()).multiply(award.quantity());
                if (points.signum() == 0) {
                    continue; // a weight of 0 awards nothing, and leaves no entry behind
                }
                BigDecimal zero = BigDecimal.ZERO;
                entries.add(switch (award.signal().side()) {
                    case CONTRIBUTION -> entry(model, event, type, award, points, zero, zero);
                    case BENEFIT -> entry(model, event, type, award, zero, points, zero);
                    case ORGANIZATION -> entry(model, event, type, award, zero, zero, points);
                });
            }
        }
        return entries;
    }

    private static LedgerEntry entry(ValueModel model, CommunityEvent event, String type, Award award,
                                     BigDecimal contribution, BigDecimal benefit, BigDecimal organization) {
        return new LedgerEntry(model.name(), event.eventId(), type, event.occurredAt(), event.communityId(),
                award.memberId(), award.signal(), contribution, benefit, organization, award.contributionId());
    }

    /** A signal earned by a member; {@code quantity} is 1 except for an outcome's value. */
    private record Award(Signal signal, String memberId, UUID contributionId, BigDecimal quantity) {
        Award(Signal signal, String memberId, UUID contributionId) {
            this(signal, memberId, contributionId, BigDecimal.ONE);
        }
    }

    private static List<Award> awards(CommunityEvent event, RuleState state) {
        return event.accept(new Awards(state));
    }

    /** The signals each event type earns; a new type does not compile until the value model decides it here. */
    private record Awards(RuleState state) implements CommunityEvent.Visitor<List<Award>> {

        @Override
        public List<Award> on(CommunityFounded event) {
            return List.of(); // community and membership events carry no points
        }

        @Override
        public List<Award> on(CommunityPurposeStated event) {
            return List.of();
        }

        @Override
        public List<Award> on(MemberJoined event) {
            return List.of();
        }

        @Override
        public List<Award> on(MemberLeft event) {
            return List.of();
        }

        @Override
        public List<Award> on(MemberPurposeStated event) {
            return List.of();
        }

        @Override
        public List<Award> on(ContributionPosted event) {
            return posted(event, state);
        }

        @Override
        public List<Award> on(ReactionGiven event) {
            return reaction(event, state);
        }

        @Override
        public List<Award> on(ContributionViewed event) {
            return viewed(event, state);
        }

        @Override
        public List<Award> on(AnswerAccepted event) {
            return accepted(event, state);
        }

        @Override
        public List<Award> on(OutcomeRecorded event) {
            return outcome(event);
        }

        @Override
        public List<Award> on(LeaderNamed event) {
            return List.of(); // leadership carries no points
        }

        @Override
        public List<Award> on(LeaderRemoved event) {
            return List.of();
        }

        @Override
        public List<Award> on(MemberRemoved event) {
            return List.of(); // like MemberLeft: what the member gave and got stays
        }

        @Override
        public List<Award> on(ContributionEdited event) {
            return List.of(); // an edit improves the same contribution: no new points
        }

        @Override
        public List<Award> on(ContributionRetracted event) {
            return withdrawn(event.contributionId(), state);
        }

        @Override
        public List<Award> on(ContributionHidden event) {
            return withdrawn(event.contributionId(), state);
        }

        @Override
        public List<Award> on(MemberSegmentsChanged event) {
            return List.of(); // who a member is in the organization earns nothing; reads group by it
        }
    }

    private static List<Award> posted(ContributionPosted posted, RuleState state) {
        if (state.contribution(posted.contributionId()).isPresent()) {
            return List.of(); // the same contribution posted again (a second producer, a replayed id): counts once
        }
        state.contributionPosted(new ContributionFacts(posted.contributionId(), posted.communityId(),
                posted.actorId(), posted.kind(), posted.inReplyTo()));
        List<Award> awards = new ArrayList<>();
        Signal signal = postingSignal(posted.kind());
        awards.add(new Award(signal, posted.actorId(), posted.contributionId()));
        if (signal == Signal.ANSWER_POSTED && posted.inReplyTo() != null) {
            String questionAuthor = posted.inReplyToAuthorId() != null ? posted.inReplyToAuthorId()
                    : state.contribution(posted.inReplyTo()).map(ContributionFacts::authorId).orElse(null);
            if (questionAuthor != null && !questionAuthor.equals(posted.actorId())) {
                awards.add(new Award(Signal.ANSWER_RECEIVED, questionAuthor, posted.contributionId()));
            }
        }
        return awards;
    }

    /**
     * A retracted or hidden contribution's posting is reversed: the awards its {@link ContributionPosted} earned
     * (the author's contribution for the kind and, for an answer, the question author's benefit for receiving it)
     * are awarded again with quantity −1, so under every version the reversal is exactly what that version
     * awarded. What others did with it afterwards (views, reactions, acceptance, outcomes) stays: it happened.
     * Once per contribution, whichever of retraction and hiding comes first; nothing for an unknown one.
     */
    private static List<Award> withdrawn(UUID contributionId, RuleState state) {
        ContributionFacts facts = state.contribution(contributionId).orElse(null);
        if (facts == null || !state.markWithdrawn(contributionId)) {
            return List.of();
        }
        BigDecimal reversal = BigDecimal.ONE.negate();
        List<Award> awards = new ArrayList<>(2);
        awards.add(new Award(postingSignal(facts.kind()), facts.authorId(), contributionId, reversal));
        if (facts.kind() == ContributionKind.ANSWER && facts.inReplyTo() != null) {
            String questionAuthor = state.contribution(facts.inReplyTo()).map(ContributionFacts::authorId).orElse(null);
            if (questionAuthor != null && !questionAuthor.equals(facts.authorId())) {
                awards.add(new Award(Signal.ANSWER_RECEIVED, questionAuthor, contributionId, reversal));
            }
        }
        return awards;
    }

    private static Signal postingSignal(ContributionKind kind) {
        return switch (kind) {
            case QUESTION -> Signal.QUESTION_POSTED;
            case ANSWER -> Signal.ANSWER_POSTED;
            case POST -> Signal.POST_POSTED;
            case IDEA -> Signal.IDEA_POSTED;
        };
    }

    private static List<Award> viewed(ContributionViewed viewed, RuleState state) {
        String author = author(viewed.contributionAuthorId(), viewed.contributionId(), state);
        if (viewed.actorId().equals(author) || !state.markViewed(viewed.contributionId(), viewed.actorId())) {
            return List.of();
        }
        return List.of(new Award(Signal.CONTRIBUTION_VIEWED, viewed.actorId(), viewed.contributionId()));
    }

    private static List<Award> reaction(ReactionGiven reaction, RuleState state) {
        String author = author(reaction.contributionAuthorId(), reaction.contributionId(), state);
        if (reaction.actorId().equals(author)
                || !state.markReacted(reaction.contributionId(), reaction.actorId(), reaction.kind())) {
            return List.of();
        }
        ReactionKind kind = reaction.kind();
        Signal received = switch (kind) {
            case LIKE -> Signal.LIKE_RECEIVED;
            case THANKS -> Signal.THANKS_RECEIVED;
            case USEFUL -> Signal.USEFUL_RECEIVED;
        };
        Signal given = switch (kind) {
            case LIKE -> Signal.LIKE_GIVEN;
            case THANKS -> Signal.THANKS_GIVEN;
            case USEFUL -> Signal.USEFUL_GIVEN;
        };
        List<Award> awards = new ArrayList<>(2);
        awards.add(new Award(given, reaction.actorId(), reaction.contributionId()));
        if (author != null) {
            awards.add(new Award(received, author, reaction.contributionId()));
        }
        return awards;
    }

    private static List<Award> accepted(AnswerAccepted accepted, RuleState state) {
        String answerAuthor = author(accepted.answerAuthorId(), accepted.answerId(), state);
        if (accepted.actorId().equals(answerAuthor)) {
            return List.of(); // accepting one's own answer solves nobody else's problem and earns nothing
        }
        List<Award> awards = new ArrayList<>(2);
        if (state.markQuestionSolved(accepted.questionId())) {
            awards.add(new Award(Signal.ANSWER_ACCEPTED_BY_QUESTION_AUTHOR, accepted.actorId(), accepted.questionId()));
        }
        if (answerAuthor != null && state.markAnswerAccepted(accepted.answerId())) {
            awards.add(new Award(Signal.ANSWER_ACCEPTED_FOR_ANSWER_AUTHOR, answerAuthor, accepted.answerId()));
        }
        return awards;
    }

    private static List<Award> outcome(OutcomeRecorded outcome) {
        List<Award> awards = new ArrayList<>();
        awards.add(new Award(Signal.OUTCOME_RECORDED, outcome.actorId(), null, outcome.value()));
        Set<String> authors = new LinkedHashSet<>(outcome.contributorIds());
        authors.removeIf(Objects::isNull);
        for (String author : authors) {
            awards.add(new Award(Signal.OUTCOME_LINKED_AUTHOR, author, null));
        }
        return awards;
    }

    private static String author(String fromEvent, UUID contributionId, RuleState state) {
        return fromEvent != null ? fromEvent
                : state.contribution(contributionId).map(ContributionFacts::authorId).orElse(null);
    }
}
