package com.productivecommunity.analytics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.analytics.engine.MemberFigures;
import com.productivecommunity.analytics.engine.RandomHistory;
import com.productivecommunity.analytics.engine.Replay;
import com.productivecommunity.analytics.engine.Tally;
import com.productivecommunity.analytics.engine.ValueEngine;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.support.testing.TestDatabases;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger store against the real PostgreSQL test database (its own schema, so it never meets the Spring
 * tests' tables): batches, redeliveries, a crash in the middle of a batch, and equality with the plain-object
 * replay for random histories cut into random batches.
 */
class LedgerStoreIntegrationTest {

    private static final String URL = TestDatabases.url("ledger_store");
    private static final String SCHEMA = "ledger_store_test";

    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private LedgerStore store;

    @BeforeAll
    static void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(URL + "?currentSchema=" + SCHEMA,
                "postgres", "");
        Flyway flyway = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).cleanDisabled(false)
                .locations("classpath:db/migration").load();
        flyway.clean();
        flyway.migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void emptyTables() {
        // reset() empties only the store's own lane and models; earlier tests left other models' rows behind
        jdbc.execute("TRUNCATE applied_event, community, community_member, contribution_fact, first_view,"
                + " reaction_given, solved_question, accepted_answer, ledger_entry, member_figures, community_figures,"
                + " community_day RESTART IDENTITY");
        store = new LedgerStore(jdbc, new ValueEngine(List.of(Replay.V1)));
        store.reset();
    }

    private void applyInTransaction(List<CommunityEvent> batch) {
        transactions.executeWithoutResult(status -> store.apply(batch));
    }

    private List<CommunityEvent> workedExample(Events e) {
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("bob", question);
        return List.of(e.founded("carol"), e.joined("alice", "learn predictive maintenance"), e.joined("bob", null),
                question, answer, e.viewed("alice", answer), e.reacted("alice", answer, ReactionKind.THANKS),
                e.reacted("bob", question, ReactionKind.LIKE), e.accepted(question, answer),
                e.outcome("carol", "12", answer));
    }

    @Test
    void workedExampleAppliedInBatchesGivesTheDocumentedFigures() {
        Events e = new Events();
        List<CommunityEvent> events = workedExample(e);
        for (int i = 0; i < events.size(); i += 3) {
            applyInTransaction(events.subList(i, Math.min(i + 3, events.size())));
        }
        assertMember(e.communityId, "alice", "1", "8.7");
        assertMember(e.communityId, "bob", "3", "6");
        CommunityFigures community = community(e.communityId);
        assertThat(community.organizationBenefit()).isEqualByComparingTo("12");
        assertThat(community.activeMembers()).isEqualTo(2);
        assertThat(community.membersBenefitingMore()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT member_id FROM community_member WHERE community_id = ? ORDER BY 1",
                String.class, e.communityId)).containsExactly("alice", "bob", "carol");
        assertThat(jdbc.queryForObject("SELECT sum(benefit) FROM ledger_entry WHERE member_id = 'alice'",
                BigDecimal.class)).isEqualByComparingTo("8.7");
    }

    @Test
    void everyModelVersionGetsItsOwnLedgerAndFigures() {
        java.util.Map<com.productivecommunity.analytics.model.Signal, BigDecimal> weights =
                new java.util.EnumMap<>(Replay.V1.weights());
        weights.put(com.productivecommunity.analytics.model.Signal.ANSWER_ACCEPTED_BY_QUESTION_AUTHOR, BigDecimal.ONE);
        store = new LedgerStore(jdbc, new ValueEngine(List.of(Replay.V1,
                new com.productivecommunity.analytics.model.ValueModel("v2", "test", weights, new BigDecimal("0.5")))));
        Events e = new Events();
        applyInTransaction(workedExample(e));

        assertMember(e.communityId, "alice", "1", "8.7");
        assertThat(jdbc.queryForObject("SELECT benefit FROM member_figures WHERE model = 'v2' AND member_id = 'alice'"
                + " AND community_id = ?", BigDecimal.class, e.communityId)).isEqualByComparingTo("4.7");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE model = 'v2'", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE model = 'v1'", Integer.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM community_figures WHERE community_id = ?", Integer.class,
                e.communityId)).isEqualTo(2);
    }

    @Test
    void aLaneHasItsOwnRuleStateAndItsResetLeavesTheOtherLanesAlone() {
        java.util.Map<com.productivecommunity.analytics.model.Signal, BigDecimal> weights =
                new java.util.EnumMap<>(Replay.V1.weights());
        weights.put(com.productivecommunity.analytics.model.Signal.ANSWER_ACCEPTED_BY_QUESTION_AUTHOR, BigDecimal.ONE);
        LedgerStore lane = new LedgerStore(jdbc, new ValueEngine(List.of(
                new com.productivecommunity.analytics.model.ValueModel("v2", "test", weights, new BigDecimal("0.5")))),
                "analytics-model-v2", false);
        Events e = new Events();
        List<CommunityEvent> events = workedExample(e);
        applyInTransaction(events);
        // The lane replays the same history later: the default lane's first views, reactions and acceptances
        // must not make it award nothing.
        transactions.executeWithoutResult(status -> lane.apply(events));
        assertMember(e.communityId, "alice", "1", "8.7");
        assertThat(jdbc.queryForObject("SELECT benefit FROM member_figures WHERE model = 'v2' AND member_id = 'alice'"
                + " AND community_id = ?", BigDecimal.class, e.communityId)).isEqualByComparingTo("4.7");
        transactions.executeWithoutResult(status -> lane.apply(events)); // a redelivery to the lane counts once
        assertThat(jdbc.queryForObject("SELECT benefit FROM member_figures WHERE model = 'v2' AND member_id = 'alice'"
                + " AND community_id = ?", BigDecimal.class, e.communityId)).isEqualByComparingTo("4.7");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM community_member WHERE community_id = ?", Integer.class,
                e.communityId)).isEqualTo(3); // kept by the default lane only

        transactions.executeWithoutResult(status -> lane.reset());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE model = 'v2'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM first_view WHERE lane = 'analytics-model-v2'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM first_view WHERE lane = 'analytics'", Integer.class))
                .isEqualTo(1);
        assertMember(e.communityId, "alice", "1", "8.7");
        assertThat(community(e.communityId).organizationBenefit()).isEqualByComparingTo("12");
    }

    @Test
    void duplicateDeliveryTakesNoSecondEffect() {
        Events e = new Events();
        List<CommunityEvent> events = workedExample(e);
        applyInTransaction(events);
        int entries = jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class);

        applyInTransaction(events); // the whole history again
        List<CommunityEvent> twice = new ArrayList<>(events.subList(4, 8));
        twice.addAll(events.subList(4, 8));
        applyInTransaction(twice); // the same events twice within one batch

        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isEqualTo(entries);
        assertMember(e.communityId, "alice", "1", "8.7");
        assertMember(e.communityId, "bob", "3", "6");
        assertThat(community(e.communityId).activeMembers()).isEqualTo(2);
    }

    @Test
    void crashInTheMiddleOfABatchLeavesNoTraceAndTheRetryCountsOnce() {
        Events e = new Events();
        List<CommunityEvent> events = workedExample(e);
        applyInTransaction(events.subList(0, 5));
        int applied = jdbc.queryForObject("SELECT count(*) FROM applied_event", Integer.class);
        int entries = jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            store.apply(events.subList(5, 10));
            throw new IllegalStateException("process killed before commit");
        })).hasMessageContaining("killed");
        assertMember(e.communityId, "alice", "1", "2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM applied_event", Integer.class)).isEqualTo(applied);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class)).isEqualTo(entries);

        // after a restart the consumer resumes from the last committed offset, possibly re-reading earlier events
        store = new LedgerStore(jdbc, new ValueEngine(List.of(Replay.V1)));
        applyInTransaction(events.subList(3, 10));
        assertMember(e.communityId, "alice", "1", "8.7");
        assertMember(e.communityId, "bob", "3", "6");
        assertThat(community(e.communityId).organizationBenefit()).isEqualByComparingTo("12");
    }

    @Test
    void randomHistoriesInRandomBatchesMatchThePlainObjectReplay() {
        randomHistoriesInRandomBatchesMatchThePlainObjectReplay(new Random(42L), false);
    }

    /** Issue 17: with retractions, hidings and edits, the stored rule state (withdrawn_contribution) included. */
    @Test
    void randomHistoriesWithWithdrawalsInRandomBatchesMatchThePlainObjectReplay() {
        randomHistoriesInRandomBatchesMatchThePlainObjectReplay(new Random(43L), true);
    }

    private void randomHistoriesInRandomBatchesMatchThePlainObjectReplay(Random random, boolean withdrawals) {
        for (int run = 0; run < 12; run++) {
            store.reset();
            List<CommunityEvent> history = RandomHistory.generate(random, 40 + random.nextInt(160), withdrawals);
            for (int i = 0; i < history.size(); ) {
                int size = 1 + random.nextInt(25);
                int from = Math.max(0, i - random.nextInt(3)); // sometimes re-read a few events of the last batch
                applyInTransaction(history.subList(from, Math.min(history.size(), i + size)));
                i += size;
            }
            Set<UUID> seen = new HashSet<>();
            Replay replay = new Replay().apply(history.stream().filter(ev -> seen.add(ev.eventId())).toList());

            assertThat(storedMembers()).as("run %d members", run).isEqualTo(plain(replay.tally.members()));
            assertThat(storedDays()).as("run %d timeline", run).isEqualTo(plainDays(replay.tally.days()));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry", Integer.class))
                    .as("run %d ledger size", run).isEqualTo(replay.ledger.size());
            assertThat(jdbc.queryForList("SELECT f.member_id FROM member_figures f LEFT JOIN ("
                    + " SELECT model, community_id, member_id, sum(contribution) c, sum(benefit) b FROM ledger_entry"
                    + " GROUP BY 1, 2, 3) l USING (model, community_id, member_id)"
                    + " WHERE f.contribution <> coalesce(l.c, 0) OR f.benefit <> coalesce(l.b, 0)", String.class))
                    .as("run %d members whose figures are not their ledger's sum", run).isEmpty();
        }
    }

    private Map<String, String> storedMembers() {
        Map<String, String> members = new TreeMap<>();
        jdbc.query("SELECT community_id, member_id, contribution, benefit FROM member_figures", rs -> {
            members.put(rs.getString(1) + "/" + rs.getString(2),
                    text(rs.getBigDecimal(3)) + "/" + text(rs.getBigDecimal(4)));
        });
        return members;
    }

    private static Map<String, String> plain(Map<Tally.MemberKey, MemberFigures> members) {
        return members.entrySet().stream().collect(Collectors.toMap(
                m -> m.getKey().communityId() + "/" + m.getKey().memberId(),
                m -> text(m.getValue().contribution()) + "/" + text(m.getValue().benefit()), (a, b) -> a,
                TreeMap::new));
    }

    private Map<String, String> storedDays() {
        Map<String, String> days = new TreeMap<>();
        jdbc.query("SELECT community_id, day, contribution, benefit, organization_benefit, active_members,"
                + " members_benefiting_more FROM community_day", rs -> {
                    days.put(rs.getString(1) + "/" + rs.getObject(2, LocalDate.class), figures(new CommunityFigures(
                            rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6), rs.getInt(7))));
                });
        return days;
    }

    private static Map<String, String> plainDays(Map<Tally.DayKey, CommunityFigures> days) {
        return days.entrySet().stream().collect(Collectors.toMap(
                d -> d.getKey().communityId() + "/" + d.getKey().day(), d -> figures(d.getValue()), (a, b) -> a,
                TreeMap::new));
    }

    private static String figures(CommunityFigures f) {
        return text(f.contribution()) + " " + text(f.benefit()) + " " + text(f.organizationBenefit()) + " "
                + f.activeMembers() + " " + f.membersBenefitingMore();
    }

    private static String text(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private void assertMember(UUID communityId, String memberId, String contribution, String benefit) {
        List<MemberFigures> rows = jdbc.query("SELECT contribution, benefit FROM member_figures"
                        + " WHERE model = 'v1' AND community_id = ? AND member_id = ?",
                (rs, n) -> new MemberFigures(rs.getBigDecimal(1), rs.getBigDecimal(2)), communityId, memberId);
        assertThat(rows).singleElement().satisfies(f -> {
            assertThat(f.contribution()).as(memberId + " contribution").isEqualByComparingTo(contribution);
            assertThat(f.benefit()).as(memberId + " benefit").isEqualByComparingTo(benefit);
        });
    }

    private CommunityFigures community(UUID communityId) {
        return jdbc.queryForObject("SELECT contribution, benefit, organization_benefit, active_members,"
                        + " members_benefiting_more FROM community_figures WHERE model = 'v1' AND community_id = ?",
                (rs, n) -> new CommunityFigures(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getInt(4), rs.getInt(5)), communityId);
    }
}
