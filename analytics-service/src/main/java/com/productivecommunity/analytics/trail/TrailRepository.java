package com.productivecommunity.analytics.trail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail's and the exports' own reads of the ledger tables (not through the ledger store): a community's
 * entries under one model in the order they were applied, streamed from PostgreSQL with a fetch size (a cursor
 * inside a read-only transaction), so no read holds a whole ledger in memory.
 */
@Repository
public class TrailRepository {

    /** Rows fetched per round trip while streaming. */
    static final int FETCH_SIZE = 1_000;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The entry a read ends at: the last one applied of the community under the model up to asOf. */
    public record LastEntry(long id, UUID eventId, String eventType, Instant occurredAt) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    TrailRepository(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    public boolean communityExists(UUID communityId) {
        return !jdbc.queryForList("SELECT 1 FROM community WHERE community_id = ?", Integer.class, communityId)
                .isEmpty();
    }

    public Optional<String> communityName(UUID communityId) {
        return jdbc.queryForList("SELECT name FROM community WHERE community_id = ?", String.class, communityId)
                .stream().findFirst();
    }

    /** As the figures' reads: a partner or customer ({@code external}) only where the community is opened to them. */
    public boolean isMember(UUID communityId, String memberId, boolean external) {
        return !jdbc.queryForList("SELECT 1 FROM community_member m JOIN community c ON c.community_id = m.community_id"
                + " WHERE m.community_id = ? AND m.member_id = ? AND (NOT ? OR c.open_to_external)",
                Integer.class, communityId, memberId, external).isEmpty();
    }

    /** The last entry applied of the community under {@code model} among those of events at or before asOf. */
    public Optional<LastEntry> lastEntry(String model, UUID communityId, Instant asOf) {
        List<LastEntry> found = jdbc.query("SELECT id, event_id, event_type, occurred_at FROM ledger_entry"
                        + " WHERE model = ? AND community_id = ? AND occurred_at <= ? ORDER BY id DESC LIMIT 1",
                (rs, n) -> new LastEntry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()),
                model, communityId, ts(asOf));
        return found.stream().findFirst();
    }

    /**
     * Streams the community's entries under {@code model} of events at or before {@code asOf} (null: all) with ids
     * up to {@code upToId}, in the order they were applied, until {@code each} answers false.
     */
    public void rows(String model, UUID communityId, Instant asOf, long upToId, Predicate<LedgerRow> each) {
        readOnly.executeWithoutResult(status -> streaming.query(
                "SELECT id, event_id, event_type, occurred_at, member_id, signal, contribution, benefit,"
                        + " organization_benefit, reason, contribution_id FROM ledger_entry"
                        + " WHERE model = ? AND community_id = ? AND occurred_at <= ? AND id <= ? ORDER BY id",
                (ResultSet rs) -> {
                    while (rs.next()) {
                        if (!each.test(row(rs))) {
                            break;
                        }
                    }
                    return null;
                }, model, communityId, ts(asOf), upToId));
    }

    /** Runs {@code work} in one read-only transaction (a cursor needs one) on the streaming template. */
    public void streamInTransaction(java.util.function.Consumer<JdbcTemplate> work) {
        readOnly.executeWithoutResult(status -> work.accept(streaming));
    }

    static LedgerRow row(ResultSet rs) throws SQLException {
        return new LedgerRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10),
                rs.getObject(11, UUID.class));
    }

    public static OffsetDateTime ts(Instant instant) {
        return (instant == null ? LATEST : instant).atOffset(ZoneOffset.UTC);
    }
}
