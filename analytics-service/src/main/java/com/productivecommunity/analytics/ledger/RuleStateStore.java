package com.productivecommunity.analytics.ledger;

import static com.productivecommunity.analytics.ledger.Sql.firsts;
import static com.productivecommunity.analytics.ledger.Sql.seconds;
import static com.productivecommunity.analytics.ledger.Sql.texts;
import static com.productivecommunity.analytics.ledger.Sql.timestamp;
import static com.productivecommunity.analytics.ledger.Sql.uuids;

import com.productivecommunity.analytics.engine.ContributionFacts;
import com.productivecommunity.analytics.engine.MemoryRuleState;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A lane's rule state in PostgreSQL — what the once-only rules remember ({@code contribution_fact},
 * {@code first_view}, {@code reaction_given}, {@code solved_question}, {@code accepted_answer}) and the ids of
 * the events that leave no such state ({@code applied_event}) — loaded for a batch and saved after it. Why each
 * table is kept: the service's README, "The once-only tables".
 */
final class RuleStateStore {

    private static final String[] TABLES = {"applied_event", "contribution_fact", "first_view", "reaction_given",
        "solved_question", "accepted_answer", "withdrawn_contribution"};

    private final Sql sql;
    private final String lane;

    RuleStateStore(Sql sql, String lane) {
        this.sql = sql;
        this.lane = lane;
    }

    /** The batch without the events applied before (in this lane) and without repeats inside the batch. */
    List<CommunityEvent> notYetApplied(List<CommunityEvent> batch) {
        Map<UUID, CommunityEvent> byId = new LinkedHashMap<>();
        Set<UUID> toCheck = new HashSet<>();
        for (CommunityEvent event : batch) {
            // a redelivery inside the batch: the first copy counts
            if (byId.putIfAbsent(event.eventId(), event) == null && remembered(event)) {
                toCheck.add(event.eventId());
            }
        }
        Set<UUID> applied = new HashSet<>();
        if (!toCheck.isEmpty()) {
            sql.query("SELECT e.event_id FROM unnest(?::uuid[]) AS k(id) JOIN applied_event e"
                    + " ON e.lane = ? AND e.event_id = k.id", rs -> applied.add(rs.getObject(1, UUID.class)),
                    uuids(toCheck), lane);
        }
        return byId.values().stream().filter(e -> !applied.contains(e.eventId())).toList();
    }

    /** The rule state the batch's events can touch, loaded with a few queries. */
    MemoryRuleState load(List<CommunityEvent> events) {
        RuleStateKeys keys = new RuleStateKeys();
        events.forEach(event -> event.accept(keys));
        Set<UUID> contributions = keys.contributions;
        Set<List<Object>> viewed = keys.viewed;
        Set<List<Object>> reacted = keys.reacted;
        Set<UUID> questions = keys.questions;
        Set<UUID> answers = keys.answers;
        Set<UUID> withdrawn = keys.withdrawn;
        MemoryRuleState state = new MemoryRuleState();
        if (!contributions.isEmpty()) {
            loadContributions(contributions, state);
        }
        if (!withdrawn.isEmpty()) {
            // a withdrawn answer's reversal names its question's author: the question's facts too
            Set<UUID> questionsOfWithdrawn = new HashSet<>();
            for (UUID id : withdrawn) {
                state.contribution(id).map(ContributionFacts::inReplyTo)
                        .filter(q -> state.contribution(q).isEmpty()).ifPresent(questionsOfWithdrawn::add);
            }
            if (!questionsOfWithdrawn.isEmpty()) {
                loadContributions(questionsOfWithdrawn, state);
            }
            sql.query("SELECT w.contribution_id FROM unnest(?::uuid[]) AS k(id) JOIN withdrawn_contribution w"
                    + " ON w.lane = ? AND w.contribution_id = k.id",
                    rs -> state.loadWithdrawn(rs.getObject(1, UUID.class)), uuids(withdrawn), lane);
        }
        if (!viewed.isEmpty()) {
            sql.query("SELECT v.contribution_id, v.member_id FROM unnest(?::uuid[], ?::text[]) AS k(id, member)"
                    + " JOIN first_view v ON v.lane = ? AND v.contribution_id = k.id AND v.member_id = k.member",
                    rs -> state.loadView(new MemoryRuleState.View(rs.getObject(1, UUID.class), rs.getString(2))),
                    uuids(firsts(viewed)), texts(seconds(viewed)), lane);
        }
        if (!reacted.isEmpty()) {
            sql.query("SELECT r.contribution_id, r.member_id, r.kind FROM unnest(?::uuid[], ?::text[]) AS k(id, member)"
                    + " JOIN reaction_given r ON r.lane = ? AND r.contribution_id = k.id AND r.member_id = k.member",
                    rs -> state.loadReaction(new MemoryRuleState.Reaction(rs.getObject(1, UUID.class),
                            rs.getString(2), ReactionKind.valueOf(rs.getString(3)))),
                    uuids(firsts(reacted)), texts(seconds(reacted)), lane);
        }
        if (!questions.isEmpty()) {
            sql.query("SELECT q.question_id FROM unnest(?::uuid[]) AS k(id) JOIN solved_question q ON q.lane = ? AND q.question_id = k.id",
                    rs -> state.loadSolvedQuestion(rs.getObject(1, UUID.class)), uuids(questions), lane);
            sql.query("SELECT a.answer_id FROM unnest(?::uuid[]) AS k(id) JOIN accepted_answer a ON a.lane = ? AND a.answer_id = k.id",
                    rs -> state.loadAcceptedAnswer(rs.getObject(1, UUID.class)), uuids(answers), lane);
        }
        return state;
    }

    private void loadContributions(Set<UUID> contributions, MemoryRuleState state) {
        sql.query("SELECT f.contribution_id, f.community_id, f.author_id, f.kind, f.in_reply_to"
                + " FROM unnest(?::uuid[]) AS k(id) JOIN contribution_fact f ON f.lane = ? AND f.contribution_id = k.id",
                rs -> state.loadContribution(new ContributionFacts(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        ContributionKind.valueOf(rs.getString(4)), rs.getObject(5, UUID.class))),
                uuids(contributions), lane);
    }

    /** Records the batch's remembered event ids and the facts its rules added, in the caller's transaction. */
    void save(List<CommunityEvent> applied, MemoryRuleState.Added added) {
        writeAppliedEvents(applied.stream().filter(RuleStateStore::remembered).toList());
        writeRuleState(added);
    }

    void reset() {
        for (String table : TABLES) {
            sql.jdbc().update("DELETE FROM " + table + " WHERE lane = ?", lane);
        }
    }

    /**
     * Whether an event is remembered in {@code applied_event}. Contributions, views, reactions and accepted
     * answers need not be (94% of a realistic stream, one row each saved): the rule state written in the same
     * transaction (contribution_fact, first_view, reaction_given, solved_question, accepted_answer) already
     * makes a second application of them award nothing. Foundings, joins, leaves and outcomes have no such
     * state, so their ids are remembered.
     */
    private static boolean remembered(CommunityEvent event) {
        return event.accept(REMEMBERED);
    }

    private static final CommunityEvent.Visitor<Boolean> REMEMBERED = new CommunityEvent.Visitor<>() {
        @Override
        public Boolean on(CommunityFounded event) {
            return true;
        }

        @Override
        public Boolean on(CommunityPurposeStated event) {
            return true; // awards nothing today; remembered so a rule added later cannot count it twice
        }

        @Override
        public Boolean on(MemberJoined event) {
            return true;
        }

        @Override
        public Boolean on(MemberLeft event) {
            return true;
        }

        @Override
        public Boolean on(MemberPurposeStated event) {
            return true; // as CommunityPurposeStated
        }

        @Override
        public Boolean on(ContributionPosted event) {
            return false; // contribution_fact
        }

        @Override
        public Boolean on(ReactionGiven event) {
            return false; // reaction_given
        }

        @Override
        public Boolean on(ContributionViewed event) {
            return false; // first_view
        }

        @Override
        public Boolean on(AnswerAccepted event) {
            return false; // solved_question, accepted_answer
        }

        @Override
        public Boolean on(OutcomeRecorded event) {
            return true;
        }

        @Override
        public Boolean on(LeaderNamed event) {
            return true; // awards nothing today; remembered as CommunityPurposeStated
        }

        @Override
        public Boolean on(LeaderRemoved event) {
            return true;
        }

        @Override
        public Boolean on(MemberRemoved event) {
            return true;
        }

        @Override
        public Boolean on(ContributionEdited event) {
            return true;
        }

        @Override
        public Boolean on(ContributionRetracted event) {
            return false; // withdrawn_contribution
        }

        @Override
        public Boolean on(ContributionHidden event) {
            return false; // withdrawn_contribution
        }

        @Override
        public Boolean on(MemberSegmentsChanged event) {
            return true;
        }
    };

    /** The rule state a batch's events can touch, by the keys it is stored under. */
    private static final class RuleStateKeys implements CommunityEvent.Visitor<Void> {
        final Set<UUID> contributions = new HashSet<>();
        final Set<List<Object>> viewed = new HashSet<>();
        final Set<List<Object>> reacted = new HashSet<>();
        final Set<UUID> questions = new HashSet<>();
        final Set<UUID> answers = new HashSet<>();
        final Set<UUID> withdrawn = new HashSet<>();

        @Override
        public Void on(CommunityFounded event) {
            return null; // the once-only rules know nothing of communities and memberships
        }

        @Override
        public Void on(CommunityPurposeStated event) {
            return null;
        }

        @Override
        public Void on(MemberJoined event) {
            return null;
        }

        @Override
        public Void on(MemberLeft event) {
            return null;
        }

        @Override
        public Void on(MemberPurposeStated event) {
            return null;
        }

        @Override
        public Void on(ContributionPosted posted) {
            contributions.add(posted.contributionId());
            if (posted.inReplyTo() != null) {
                contributions.add(posted.inReplyTo());
            }
            return null;
        }

        @Override
        public Void on(ReactionGiven reaction) {
            contributions.add(reaction.contributionId());
            reacted.add(List.of(reaction.contributionId(), reaction.actorId()));
            return null;
        }

        @Override
        public Void on(ContributionViewed view) {
            contributions.add(view.contributionId());
            viewed.add(List.of(view.contributionId(), view.actorId()));
            return null;
        }

        @Override
        public Void on(AnswerAccepted accepted) {
            contributions.add(accepted.questionId());
            contributions.add(accepted.answerId());
            questions.add(accepted.questionId());
            answers.add(accepted.answerId());
            return null;
        }

        @Override
        public Void on(OutcomeRecorded event) {
            return null; // an outcome's authors travel in the event (contributorIds)
        }

        @Override
        public Void on(LeaderNamed event) {
            return null;
        }

        @Override
        public Void on(LeaderRemoved event) {
            return null;
        }

        @Override
        public Void on(MemberRemoved event) {
            return null;
        }

        @Override
        public Void on(ContributionEdited event) {
            return null;
        }

        @Override
        public Void on(ContributionRetracted event) {
            contributions.add(event.contributionId());
            withdrawn.add(event.contributionId());
            return null;
        }

        @Override
        public Void on(ContributionHidden event) {
            contributions.add(event.contributionId());
            withdrawn.add(event.contributionId());
            return null;
        }

        @Override
        public Void on(MemberSegmentsChanged event) {
            return null;
        }
    }

    private void writeAppliedEvents(List<CommunityEvent> events) {
        sql.jdbc().batchUpdate("INSERT INTO applied_event (lane, event_id, community_id, event_type, occurred_at)"
                + " VALUES (?, ?, ?, ?, ?)", events.stream().map(e -> new Object[] {lane, e.eventId(), e.communityId(),
                    EventCatalog.typeName(e.getClass()), timestamp(e.occurredAt())}).toList());
    }

    private void writeRuleState(MemoryRuleState.Added added) {
        sql.jdbc().batchUpdate("INSERT INTO contribution_fact (lane, contribution_id, community_id, author_id, kind, in_reply_to)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", added.contributions().stream()
                    .map(c -> new Object[] {lane, c.contributionId(), c.communityId(), c.authorId(), c.kind().name(),
                        c.inReplyTo()}).toList());
        sql.jdbc().batchUpdate("INSERT INTO first_view (lane, contribution_id, member_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                added.views().stream().map(v -> new Object[] {lane, v.contributionId(), v.memberId()}).toList());
        sql.jdbc().batchUpdate("INSERT INTO reaction_given (lane, contribution_id, member_id, kind) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", added.reactions().stream()
                    .map(r -> new Object[] {lane, r.contributionId(), r.memberId(), r.kind().name()}).toList());
        sql.jdbc().batchUpdate("INSERT INTO solved_question (lane, question_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                added.solvedQuestions().stream().map(q -> new Object[] {lane, q}).toList());
        sql.jdbc().batchUpdate("INSERT INTO accepted_answer (lane, answer_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                added.acceptedAnswers().stream().map(a -> new Object[] {lane, a}).toList());
        sql.jdbc().batchUpdate("INSERT INTO withdrawn_contribution (lane, contribution_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", added.withdrawn().stream().map(w -> new Object[] {lane, w}).toList());
    }
}
