package com.productivecommunity.analytics.ledger;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.ContributionFacts;
import com.productivecommunity.analytics.engine.LedgerEntry;
import com.productivecommunity.analytics.engine.MemberFigures;
import com.productivecommunity.analytics.engine.MemoryRuleState;
import com.productivecommunity.analytics.engine.Tally;
import com.productivecommunity.analytics.engine.ValueEngine;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.EventCatalog;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Applies a batch of events to the database inside the caller's transaction. A batch is judged in memory:
 * the rule state and figures it can touch are loaded with a few queries, the engine and the tally run as
 * plain objects, and what changed is written back with JDBC batch statements — so a replay of millions of
 * events costs a handful of round trips per batch, not per event.
 */
public class LedgerStore {

    /** The lane of the models the service is configured with; it also keeps the communities and memberships. */
    public static final String DEFAULT_LANE = "analytics";

    private static final String[] RULE_STATE = {"applied_event", "contribution_fact", "first_view", "reaction_given",
        "solved_question", "accepted_answer"};
    private static final String[] FIGURES = {"ledger_entry", "member_figures", "community_figures", "community_day"};

    private final JdbcTemplate jdbc;
    private final ValueEngine engine;
    private final List<String> models;
    private final String lane;
    private final boolean keepsCommunities;

    public LedgerStore(JdbcTemplate jdbc, ValueEngine engine) {
        this(jdbc, engine, DEFAULT_LANE, true);
    }

    /**
     * A store for one lane: its own rule state (rows of {@code lane}), the figures and ledger of its models.
     * Only the default lane keeps {@code community} and {@code community_member} (the reads' access rules).
     */
    public LedgerStore(JdbcTemplate jdbc, ValueEngine engine, String lane, boolean keepsCommunities) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.models = engine.models().stream().map(ValueModel::name).toList();
        this.lane = lane;
        this.keepsCommunities = keepsCommunities;
    }

    public String lane() {
        return lane;
    }

    public List<String> models() {
        return models;
    }

    /** Applies the events in order; an event applied before (here or in an earlier batch) takes no effect. */
    public void apply(List<CommunityEvent> batch) {
        List<CommunityEvent> events = notYetApplied(batch);
        if (events.isEmpty()) {
            return;
        }
        MemoryRuleState state = loadRuleState(events);
        List<List<LedgerEntry>> entries = new ArrayList<>(events.size());
        for (CommunityEvent event : events) {
            entries.add(engine.apply(event, state));
        }
        Tally tally = loadTally(events, entries);
        for (int i = 0; i < events.size(); i++) {
            CommunityEvent event = events.get(i);
            tally.record(event.communityId(), event.occurredAt(), entries.get(i), models);
        }
        writeAppliedEvents(events.stream().filter(LedgerStore::remembered).toList());
        if (keepsCommunities) {
            writeCommunities(events);
        }
        writeRuleState(state.added());
        writeLedger(entries);
        writeFigures(tally);
    }

    /**
     * Empties this lane's rule state and its models' figures and ledger (and, for the default lane, the
     * communities), before a rebuild or a replay reads the topic from its start. Other lanes keep theirs.
     */
    public void reset() {
        for (String table : RULE_STATE) {
            jdbc.update("DELETE FROM " + table + " WHERE lane = ?", lane);
        }
        for (String table : FIGURES) {
            for (String model : models) {
                jdbc.update("DELETE FROM " + table + " WHERE model = ?", model);
            }
        }
        if (keepsCommunities) {
            jdbc.execute("TRUNCATE community, community_member");
        }
    }

    private List<CommunityEvent> notYetApplied(List<CommunityEvent> batch) {
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
            query("SELECT e.event_id FROM unnest(?::uuid[]) AS k(id) JOIN applied_event e"
                    + " ON e.lane = ? AND e.event_id = k.id", rs -> applied.add(rs.getObject(1, UUID.class)),
                    uuids(toCheck), lane);
        }
        return byId.values().stream().filter(e -> !applied.contains(e.eventId())).toList();
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
    };

    private MemoryRuleState loadRuleState(List<CommunityEvent> events) {
        RuleStateKeys keys = new RuleStateKeys();
        events.forEach(event -> event.accept(keys));
        Set<UUID> contributions = keys.contributions;
        Set<List<Object>> viewed = keys.viewed;
        Set<List<Object>> reacted = keys.reacted;
        Set<UUID> questions = keys.questions;
        Set<UUID> answers = keys.answers;
        MemoryRuleState state = new MemoryRuleState();
        if (!contributions.isEmpty()) {
            query("SELECT f.contribution_id, f.community_id, f.author_id, f.kind, f.in_reply_to"
                    + " FROM unnest(?::uuid[]) AS k(id) JOIN contribution_fact f ON f.lane = ? AND f.contribution_id = k.id", rs -> state.loadContribution(new ContributionFacts(
                            rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            ContributionKind.valueOf(rs.getString(4)), rs.getObject(5, UUID.class))),
                    uuids(contributions), lane);
        }
        if (!viewed.isEmpty()) {
            query("SELECT v.contribution_id, v.member_id FROM unnest(?::uuid[], ?::text[]) AS k(id, member)"
                    + " JOIN first_view v ON v.lane = ? AND v.contribution_id = k.id AND v.member_id = k.member",
                    rs -> state.loadView(new MemoryRuleState.View(rs.getObject(1, UUID.class), rs.getString(2))),
                    uuids(firsts(viewed)), texts(seconds(viewed)), lane);
        }
        if (!reacted.isEmpty()) {
            query("SELECT r.contribution_id, r.member_id, r.kind FROM unnest(?::uuid[], ?::text[]) AS k(id, member)"
                    + " JOIN reaction_given r ON r.lane = ? AND r.contribution_id = k.id AND r.member_id = k.member",
                    rs -> state.loadReaction(new MemoryRuleState.Reaction(rs.getObject(1, UUID.class),
                            rs.getString(2), ReactionKind.valueOf(rs.getString(3)))),
                    uuids(firsts(reacted)), texts(seconds(reacted)), lane);
        }
        if (!questions.isEmpty()) {
            query("SELECT q.question_id FROM unnest(?::uuid[]) AS k(id) JOIN solved_question q ON q.lane = ? AND q.question_id = k.id",
                    rs -> state.loadSolvedQuestion(rs.getObject(1, UUID.class)), uuids(questions), lane);
            query("SELECT a.answer_id FROM unnest(?::uuid[]) AS k(id) JOIN accepted_answer a ON a.lane = ? AND a.answer_id = k.id",
                    rs -> state.loadAcceptedAnswer(rs.getObject(1, UUID.class)), uuids(answers), lane);
        }
        return state;
    }

    /** The rule state a batch's events can touch, by the keys it is stored under. */
    private static final class RuleStateKeys implements CommunityEvent.Visitor<Void> {
        final Set<UUID> contributions = new HashSet<>();
        final Set<List<Object>> viewed = new HashSet<>();
        final Set<List<Object>> reacted = new HashSet<>();
        final Set<UUID> questions = new HashSet<>();
        final Set<UUID> answers = new HashSet<>();

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
    }

    private Tally loadTally(List<CommunityEvent> events, List<List<LedgerEntry>> entries) {
        Set<UUID> communities = new HashSet<>();
        events.forEach(e -> communities.add(e.communityId()));
        Set<List<Object>> members = new HashSet<>();
        entries.forEach(list -> list.forEach(e -> members.add(List.of(e.communityId(), e.memberId()))));
        Tally tally = new Tally();
        query("SELECT f.model, f.community_id, f.contribution, f.benefit, f.organization_benefit, f.active_members,"
                + " f.members_benefiting_more, f.last_day FROM unnest(?::uuid[]) AS k(id)"
                + " JOIN community_figures f ON f.community_id = k.id WHERE f.model = ANY (?)",
                rs -> tally.loadCommunity(new Tally.CommunityKey(rs.getString(1), rs.getObject(2, UUID.class)),
                        new CommunityFigures(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                                rs.getInt(6), rs.getInt(7)),
                        rs.getObject(8, LocalDate.class)),
                uuids(communities), texts(models));
        if (!members.isEmpty()) {
            query("SELECT f.model, f.community_id, f.member_id, f.contribution, f.benefit"
                    + " FROM unnest(?::uuid[], ?::text[]) AS k(community_id, member_id) JOIN member_figures f"
                    + " ON f.community_id = k.community_id AND f.member_id = k.member_id WHERE f.model = ANY (?)",
                    rs -> tally.loadMember(new Tally.MemberKey(rs.getString(1), rs.getObject(2, UUID.class),
                            rs.getString(3)), new MemberFigures(rs.getBigDecimal(4), rs.getBigDecimal(5))),
                    uuids(firsts(members)), texts(seconds(members)), texts(models));
        }
        return tally;
    }

    private void writeAppliedEvents(List<CommunityEvent> events) {
        jdbc.batchUpdate("INSERT INTO applied_event (lane, event_id, community_id, event_type, occurred_at)"
                + " VALUES (?, ?, ?, ?, ?)", events.stream().map(e -> new Object[] {lane, e.eventId(), e.communityId(),
                    EventCatalog.typeName(e.getClass()), timestamp(e.occurredAt())}).toList());
    }

    private void writeCommunities(List<CommunityEvent> events) {
        CommunityRows rows = new CommunityRows();
        events.forEach(event -> event.accept(rows));
        List<Object[]> founded = rows.founded;
        Map<List<Object>, Boolean> membership = rows.membership;
        jdbc.batchUpdate("INSERT INTO community (community_id, name, founded_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", founded);
        List<Object[]> joined = new ArrayList<>();
        List<Object[]> left = new ArrayList<>();
        membership.forEach((key, member) -> (member ? joined : left).add(key.toArray()));
        jdbc.batchUpdate("INSERT INTO community_member (community_id, member_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", joined);
        jdbc.batchUpdate("DELETE FROM community_member WHERE community_id = ? AND member_id = ?", left);
    }

    /** The communities a batch founds, and each (community, member) pair's membership after the batch. */
    private static final class CommunityRows implements CommunityEvent.Visitor<Void> {
        final List<Object[]> founded = new ArrayList<>();
        final Map<List<Object>, Boolean> membership = new LinkedHashMap<>();

        private void member(CommunityEvent event, boolean member) {
            membership.put(List.of(event.communityId(), event.actorId()), member);
        }

        @Override
        public Void on(CommunityFounded event) {
            founded.add(new Object[] {event.communityId(), event.name(), timestamp(event.occurredAt())});
            member(event, true); // the founder is the first member
            return null;
        }

        @Override
        public Void on(CommunityPurposeStated event) {
            return null; // the reads' access rules need no purpose
        }

        @Override
        public Void on(MemberJoined event) {
            member(event, true);
            return null;
        }

        @Override
        public Void on(MemberLeft event) {
            member(event, false);
            return null;
        }

        @Override
        public Void on(MemberPurposeStated event) {
            return null;
        }

        @Override
        public Void on(ContributionPosted event) {
            return null;
        }

        @Override
        public Void on(ReactionGiven event) {
            return null;
        }

        @Override
        public Void on(ContributionViewed event) {
            return null;
        }

        @Override
        public Void on(AnswerAccepted event) {
            return null;
        }

        @Override
        public Void on(OutcomeRecorded event) {
            return null;
        }
    }

    private void writeRuleState(MemoryRuleState.Added added) {
        jdbc.batchUpdate("INSERT INTO contribution_fact (lane, contribution_id, community_id, author_id, kind, in_reply_to)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", added.contributions().stream()
                    .map(c -> new Object[] {lane, c.contributionId(), c.communityId(), c.authorId(), c.kind().name(),
                        c.inReplyTo()}).toList());
        jdbc.batchUpdate("INSERT INTO first_view (lane, contribution_id, member_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                added.views().stream().map(v -> new Object[] {lane, v.contributionId(), v.memberId()}).toList());
        jdbc.batchUpdate("INSERT INTO reaction_given (lane, contribution_id, member_id, kind) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", added.reactions().stream()
                    .map(r -> new Object[] {lane, r.contributionId(), r.memberId(), r.kind().name()}).toList());
        jdbc.batchUpdate("INSERT INTO solved_question (lane, question_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                added.solvedQuestions().stream().map(q -> new Object[] {lane, q}).toList());
        jdbc.batchUpdate("INSERT INTO accepted_answer (lane, answer_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                added.acceptedAnswers().stream().map(a -> new Object[] {lane, a}).toList());
    }

    private void writeLedger(List<List<LedgerEntry>> entries) {
        List<Object[]> rows = new ArrayList<>();
        for (List<LedgerEntry> list : entries) {
            for (LedgerEntry e : list) {
                rows.add(new Object[] {e.model(), e.eventId(), e.eventType(), timestamp(e.occurredAt()),
                    e.communityId(), e.memberId(), e.signal().name(), e.contribution(), e.benefit(),
                    e.organizationBenefit(), e.reason(), e.contributionId()});
            }
        }
        // The unique key is the last line of defence: applied_event and the rule state already made redeliveries award nothing.
        jdbc.batchUpdate("INSERT INTO ledger_entry (model, event_id, event_type, occurred_at, community_id, member_id,"
                + " signal, contribution, benefit, organization_benefit, reason, contribution_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT ledger_entry_once DO NOTHING",
                rows);
    }

    private void writeFigures(Tally tally) {
        jdbc.batchUpdate("INSERT INTO member_figures (model, community_id, member_id, contribution, benefit)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (model, community_id, member_id)"
                + " DO UPDATE SET contribution = EXCLUDED.contribution, benefit = EXCLUDED.benefit",
                tally.changedMembers().stream().map(k -> {
                    MemberFigures f = tally.member(k);
                    return new Object[] {k.model(), k.communityId(), k.memberId(), f.contribution(), f.benefit()};
                }).toList());
        jdbc.batchUpdate("INSERT INTO community_figures (model, community_id, contribution, benefit,"
                + " organization_benefit, active_members, members_benefiting_more, last_day)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (model, community_id) DO UPDATE SET"
                + " contribution = EXCLUDED.contribution, benefit = EXCLUDED.benefit,"
                + " organization_benefit = EXCLUDED.organization_benefit, active_members = EXCLUDED.active_members,"
                + " members_benefiting_more = EXCLUDED.members_benefiting_more, last_day = EXCLUDED.last_day",
                tally.changedCommunities().stream().map(k -> {
                    CommunityFigures f = tally.community(k);
                    return new Object[] {k.model(), k.communityId(), f.contribution(), f.benefit(),
                        f.organizationBenefit(), f.activeMembers(), f.membersBenefitingMore(), tally.lastDay(k)};
                }).toList());
        jdbc.batchUpdate("INSERT INTO community_day (model, community_id, day, contribution, benefit,"
                + " organization_benefit, active_members, members_benefiting_more) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (model, community_id, day) DO UPDATE SET contribution = EXCLUDED.contribution,"
                + " benefit = EXCLUDED.benefit, organization_benefit = EXCLUDED.organization_benefit,"
                + " active_members = EXCLUDED.active_members,"
                + " members_benefiting_more = EXCLUDED.members_benefiting_more",
                tally.days().entrySet().stream().map(d -> {
                    CommunityFigures f = d.getValue();
                    Tally.DayKey k = d.getKey();
                    return new Object[] {k.model(), k.communityId(), k.day(), f.contribution(), f.benefit(),
                        f.organizationBenefit(), f.activeMembers(), f.membersBenefitingMore()};
                }).toList());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    // Keys go in as arrays joined with unnest (an index probe per key), never "column = ANY (?)": while a rebuild
    // fills a table faster than autovacuum analyses it, PostgreSQL planned ANY as a filter that compares every
    // row with every key of the batch (benchmarks/RESULTS.md).
    private interface ArrayParam {
        Array create(Connection connection) throws SQLException;
    }

    /** The first and second halves of (UUID, String) keys, in the same order, for unnest(uuid[], text[]). */
    private static List<UUID> firsts(Collection<List<Object>> keys) {
        return keys.stream().map(k -> (UUID) k.get(0)).toList();
    }

    private static List<String> seconds(Collection<List<Object>> keys) {
        return keys.stream().map(k -> (String) k.get(1)).toList();
    }

    private static ArrayParam uuids(Collection<UUID> values) {
        return c -> c.createArrayOf("uuid", values.toArray());
    }

    private static ArrayParam texts(Collection<String> values) {
        return c -> c.createArrayOf("text", values.toArray());
    }

    /** Parameters are arrays ({@link ArrayParam}) or plain values (the lane). */
    private void query(String sql, RowCallbackHandler handler, Object... params) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof ArrayParam array) {
                    statement.setArray(i + 1, array.create(connection));
                } else {
                    statement.setObject(i + 1, params[i]);
                }
            }
            return statement;
        }, handler);
    }
}
