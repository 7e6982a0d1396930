package com.productivecommunity.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.productivecommunity.command.testing.Api;
import com.productivecommunity.command.testing.TestKafka;
import com.productivecommunity.support.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Gaps in the store's global index, made on purpose: a row inserted by a transaction that is still open (its
 * index handed out, the row not visible), committed, rolled back, or committed after the appender stopped
 * waiting. A context and database of its own (the probe rows are not events the other tests expect), and a gap
 * timeout of 8 s. Every stored event ends up in the log exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.partitions=1",
        "platform.kafka.topic=community-events-audit-gap-test",
        "logging.level.org.apache.kafka=ERROR",
        "logging.level.org.axonframework.eventhandling.TrackingEventProcessor=ERROR",
        "platform.audit.local-key-file=target/audit/audit-signing-key.pem",
        "platform.audit.poll-interval=50ms",
        "platform.audit.sign-interval=200ms",
        "platform.audit.gap-timeout=8s"})
class AuditGapIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AuditAppender appender;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("command_audit_gap"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    }

    /** A row of the store's shape that no handler knows, inserted in the given (open) transaction. */
    private static long insertProbe(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index,"
                + " event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                + " payload_revision, payload) VALUES (nextval('domain_event_entry_seq'), ?, ?, 0, 'GapProbe', ?,"
                + " 'audit.test.GapProbe', '1', convert_to('{}', 'UTF8')) RETURNING global_index")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, java.time.Instant.now().toString());
            try (ResultSet index = insert.executeQuery()) {
                index.next();
                return index.getLong(1);
            }
        }
    }

    /** One real event through the API; returns its global index. */
    private long command() {
        String community = Api.as(port, "carol").post("/api/communities",
                "{\"name\":\"Gap community\",\"purpose\":\"every event once\"}").text("communityId");
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, community);
    }

    private Long positionOf(long globalIndex) {
        List<Long> positions = jdbc.queryForList("SELECT position FROM audit_leaf WHERE global_index = ?", Long.class,
                globalIndex);
        return positions.isEmpty() ? null : positions.get(0);
    }

    private Long awaitLogged(long globalIndex) {
        await().atMost(60, TimeUnit.SECONDS).until(() -> positionOf(globalIndex) != null);
        return positionOf(globalIndex);
    }

    private void assertEveryEventOnce() {
        await().atMost(60, TimeUnit.SECONDS).until(() -> jdbc.queryForObject("SELECT count(*) FROM domain_event_entry e"
                + " WHERE NOT EXISTS (SELECT 1 FROM audit_leaf l WHERE l.global_index = e.global_index)", Long.class) == 0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_leaf", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        assertThat(jdbc.queryForObject("SELECT max(position) FROM audit_leaf", Long.class))
                .as("positions without gaps").isEqualTo(jdbc.queryForObject("SELECT count(*) FROM audit_leaf", Long.class));
    }

    @Test
    void aTransactionStillOpenIsWaitedForAndItsEventKeepsItsPlace() throws Exception {
        long waiting;
        long after;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            waiting = insertProbe(open);
            after = command();
            // The later event is committed, but the appender does not pass the open transaction's index.
            assertThat(positionOf(after)).as("appended past an open transaction's index").isNull();
            open.commit();
        }
        assertThat(awaitLogged(after)).isEqualTo(awaitLogged(waiting) + 1);
        assertEveryEventOnce();
    }

    @Test
    void aRolledBackIndexIsPassedAfterTheGapTimeout() throws Exception {
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            insertProbe(open);
            open.rollback();
        }
        long after = command();
        awaitLogged(after);
        assertEveryEventOnce();
    }

    @Test
    void anEventCommittedAfterTheAppenderStoppedWaitingIsAppendedLateOnce() throws Exception {
        long late;
        long after;
        long lateBefore = appender.appendedLate();
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            late = insertProbe(open);
            after = command();
            awaitLogged(after); // after the gap timeout
            open.commit();
        }
        assertThat(awaitLogged(late)).as("appended at the end").isGreaterThan(positionOf(after));
        assertThat(appender.appendedLate()).isEqualTo(lateBefore + 1);
        assertEveryEventOnce();
    }
}
