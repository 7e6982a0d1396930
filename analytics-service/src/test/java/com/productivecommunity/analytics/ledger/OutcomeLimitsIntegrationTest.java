package com.productivecommunity.analytics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.analytics.engine.Replay;
import com.productivecommunity.analytics.engine.ValueEngine;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.OutcomeValue;
import com.productivecommunity.events.Text;
import com.productivecommunity.support.testing.TestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whatever the command side accepts, the analytics tables store exactly: outcome values at both ends of
 * {@link OutcomeValue}'s range and at its finest step, summed many times, and texts at their longest.
 */
class OutcomeLimitsIntegrationTest {

    private static final String URL = TestDatabases.url("ledger_store");
    private static final String SCHEMA = "outcome_limits_test";

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
        store = new LedgerStore(jdbc, new ValueEngine(List.of(Replay.V1)));
        store.reset();
    }

    @Test
    void outcomeValuesAtEveryLimitAreStoredAndAddedExactly() {
        List<BigDecimal> values = List.of(OutcomeValue.MAX, new BigDecimal("0.000001"),
                new BigDecimal("999999.999999"), OutcomeValue.normalize(new BigDecimal("1E+6")));
        Events e = new Events();
        List<CommunityEvent> events = new ArrayList<>(List.of(e.founded("carol")));
        BigDecimal expected = BigDecimal.ZERO;
        for (int round = 0; round < 250; round++) {
            for (BigDecimal value : values) {
                assertThat(OutcomeValue.isValid(value)).as(value.toPlainString()).isTrue();
                events.add(e.outcome("carol", value.toPlainString()));
                expected = expected.add(value);
            }
        }
        for (int i = 0; i < events.size(); i += 100) {
            List<CommunityEvent> batch = events.subList(i, Math.min(events.size(), i + 100));
            transactions.executeWithoutResult(status -> store.apply(batch));
        }

        assertThat(jdbc.queryForObject("SELECT organization_benefit FROM community_figures WHERE community_id = ?",
                BigDecimal.class, e.communityId)).isEqualByComparingTo(expected);
        assertThat(expected).isEqualByComparingTo("750000000");
        List<BigDecimal> stored = jdbc.queryForList("SELECT organization_benefit FROM ledger_entry"
                + " WHERE community_id = ? AND signal = 'OUTCOME_RECORDED' ORDER BY id", BigDecimal.class, e.communityId);
        assertThat(stored).hasSize(values.size() * 250);
        for (int i = 0; i < values.size(); i++) {
            assertThat(stored.get(i)).isEqualByComparingTo(values.get(i));
        }
        assertThat(jdbc.queryForObject("SELECT sum(organization_benefit) FROM ledger_entry WHERE community_id = ?",
                BigDecimal.class, e.communityId)).isEqualByComparingTo(expected);
    }

    @Test
    void theLongestAndStrangestValidTextsAreStoredAsTheyAre() {
        String astral = new String(Character.toChars(0x1F9EA)); // 🧪, two UTF-16 units
        String name = (astral + "\u00E9\u0301\u200D\uE000").repeat(20); // 100 code points
        assertThat(Text.isValid(name, Text.COMMUNITY_NAME)).isTrue();
        UUID community = UUID.randomUUID();
        CommunityFounded founded = new CommunityFounded(UUID.randomUUID(), community, "x".repeat(255),
                Instant.parse("2026-11-26T09:00:00Z"), name, "p\n\t".repeat(166) + "pp");
        OutcomeRecorded outcome = new OutcomeRecorded(UUID.randomUUID(), community, "x".repeat(255),
                Instant.parse("2026-11-26T09:00:01Z"), UUID.randomUUID(), (astral + "\n").repeat(500),
                OutcomeValue.MAX, List.of(), List.of());
        transactions.executeWithoutResult(status -> store.apply(List.of(founded, outcome)));

        assertThat(jdbc.queryForObject("SELECT name FROM community WHERE community_id = ?", String.class, community))
                .isEqualTo(name);
        assertThat(jdbc.queryForList("SELECT member_id FROM community_member WHERE community_id = ?", String.class,
                community)).containsExactly("x".repeat(255));
    }
}
