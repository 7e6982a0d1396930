package com.productivecommunity.analytics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.analytics.engine.LedgerEntry;
import com.productivecommunity.analytics.engine.RandomHistory;
import com.productivecommunity.analytics.engine.Replay;
import com.productivecommunity.analytics.ledger.ModelLanes.LaneModel;
import com.productivecommunity.analytics.model.Signal;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.support.testing.TestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass for several versions (issue 13: "replays of several versions share one pass"), against PostgreSQL: random
 * histories (withdrawals and redeliveries included) applied in random batches by one lane applying three models — one
 * with another version's weights, one up to an instant, one with v1's weights — give each model exactly the ledger,
 * member figures, community figures and timeline days it gets in a lane of its own; and the model up to an instant
 * has v1's ledger of the events that occurred at or before it, entry for entry, whatever order they arrive in (the
 * lane's rule state follows the whole history, it depends on the events only, never on weights or untils).
 */
class SharedPassStoreIntegrationTest {

    private static final String URL = TestDatabases.url("shared_pass");
    private static final String SCHEMA = "shared_pass_test";

    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

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

    private static ValueModel model(String name, Map<Signal, BigDecimal> changes, String threshold) {
        Map<Signal, BigDecimal> weights = new EnumMap<>(Replay.V1.weights());
        weights.putAll(changes);
        return new ValueModel(name, "test", weights, new BigDecimal(threshold));
    }

    @Test
    void everyModelOfASharedLaneGetsWhatItGetsInALaneOfItsOwn() {
        ValueModel v2 = model("v2", Map.of(Signal.ANSWER_POSTED, BigDecimal.TEN, Signal.CONTRIBUTION_VIEWED,
                BigDecimal.ZERO, Signal.ANSWER_ACCEPTED_BY_QUESTION_AUTHOR, BigDecimal.TEN), "0.6");
        ValueModel q3 = model("q3", Map.of(), "0.5"); // v1's weights, up to an instant
        ValueModel v4 = model("v4", Map.of(Signal.LIKE_GIVEN, new BigDecimal("0.25")), "0.5");
        Random random = new Random(20261204L);
        for (int run = 0; run < 8; run++) {
            List<CommunityEvent> history = RandomHistory.generate(random, 40 + random.nextInt(160), true);
            // somewhere in the middle third to the last sixth: entries before it, events after it
            Instant until = history.get(history.size() / 3 + random.nextInt(history.size() / 2)).occurredAt();
            List<LaneModel> lane = List.of(new LaneModel(v2, null), new LaneModel(q3, until), new LaneModel(v4, null));

            LedgerStore shared = ModelLanes.store(jdbc, "analytics-model-shared", lane);
            apply(shared, history, random);
            Map<String, Rows> together = Map.of("v2", rows("v2"), "q3", rows("q3"), "v4", rows("v4"));
            assertThat(together.get("q3").ledger).as("run %d", run).isNotEmpty();
            transactions.executeWithoutResult(status -> shared.reset());
            assertThat(rows("v2").ledger).isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM contribution_fact WHERE lane = ?", Integer.class,
                    "analytics-model-shared")).isZero();

            for (LaneModel alone : lane) {
                LedgerStore own = ModelLanes.store(jdbc, ModelLanes.laneOf(alone.model().name()), List.of(alone));
                apply(own, history, random); // other batches than the shared pass's
                Rows rows = rows(alone.model().name());
                assertThat(rows).as("run %d: %s alone and in the shared lane", run, alone.model().name())
                        .isEqualTo(together.get(alone.model().name()));
                transactions.executeWithoutResult(status -> own.reset());
            }

            // q3 is v1 up to until: the plain replay's v1 entries of the events that occurred at or before it.
            Set<UUID> seen = new HashSet<>();
            Replay v1 = new Replay().apply(history.stream().filter(ev -> seen.add(ev.eventId())).toList());
            List<String> expected = v1.ledger.stream().filter(e -> !e.occurredAt().isAfter(until))
                    .map(SharedPassStoreIntegrationTest::text).sorted().toList();
            assertThat(together.get("q3").ledger).as("run %d: q3 = v1 up to %s", run, until).isEqualTo(expected);
        }
    }

    /** The history in random batches, sometimes re-reading a few events of the batch before (a redelivery). */
    private static void apply(LedgerStore store, List<CommunityEvent> history, Random random) {
        for (int i = 0; i < history.size(); ) {
            int size = 1 + random.nextInt(25);
            int from = Math.max(0, i - random.nextInt(3));
            List<CommunityEvent> batch = history.subList(from, Math.min(history.size(), i + size));
            transactions.executeWithoutResult(status -> store.apply(batch));
            i += size;
        }
    }

    /** A model's rows, without the model's name and the ledger's ids, in a fixed order. */
    record Rows(List<String> ledger, List<String> members, List<String> communities, List<String> days) {
    }

    private static Rows rows(String model) {
        return new Rows(
                jdbc.query("SELECT event_id, event_type, occurred_at, community_id, member_id, signal, contribution,"
                        + " benefit, organization_benefit, reason, contribution_id FROM ledger_entry WHERE model = ?",
                        (rs, n) -> String.join("|", rs.getString(1), rs.getString(2),
                                rs.getObject(3, java.time.OffsetDateTime.class).toInstant().toString(), rs.getString(4),
                                rs.getString(5), rs.getString(6), plain(rs.getBigDecimal(7)), plain(rs.getBigDecimal(8)),
                                plain(rs.getBigDecimal(9)), String.valueOf(rs.getString(10)), String.valueOf(rs.getString(11))),
                        model).stream().sorted().toList(),
                jdbc.queryForList("SELECT community_id || '|' || member_id || '|' || contribution || '|' || benefit"
                        + " FROM member_figures WHERE model = ? ORDER BY 1", String.class, model),
                jdbc.queryForList("SELECT community_id || '|' || contribution || '|' || benefit || '|'"
                        + " || organization_benefit || '|' || active_members || '|' || members_benefiting_more || '|'"
                        + " || coalesce(last_day::text, '-') FROM community_figures WHERE model = ? ORDER BY 1",
                        String.class, model),
                jdbc.queryForList("SELECT community_id || '|' || day || '|' || contribution || '|' || benefit || '|'"
                        + " || organization_benefit || '|' || active_members || '|' || members_benefiting_more"
                        + " FROM community_day WHERE model = ? ORDER BY 1", String.class, model));
    }

    private static String text(LedgerEntry e) {
        return String.join("|", e.eventId().toString(), e.eventType(), e.occurredAt().toString(),
                e.communityId().toString(), e.memberId(), e.signal().name(), plain(e.contribution()),
                plain(e.benefit()), plain(e.organizationBenefit()), String.valueOf(e.reason()),
                String.valueOf(e.contributionId()));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
