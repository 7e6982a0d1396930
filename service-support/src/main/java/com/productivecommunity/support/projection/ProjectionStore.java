package com.productivecommunity.support.projection;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The machinery's own tables (schema V0_1, V0_2): stored offsets, per-aggregate high-water marks, parked records, actions. */
class ProjectionStore {

    private static final String PARKED_COLUMNS = "id, projection, topic, partition, \"offset\", record_key, aggregate_id,"
            + " sequence, event_id, event_type, schema_version, reason, hold_key, waiting_for, missing_sequence, state,"
            + " attempts, error_message, parked_at, resolved_at";

    private final JdbcTemplate jdbc;

    ProjectionStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A partition's stored next offset and the version every writer of its state bumps. */
    record StoredOffset(long nextOffset, long version) {
    }

    Map<Integer, StoredOffset> offsets(String projection, String topic) {
        Map<Integer, StoredOffset> offsets = new HashMap<>();
        jdbc.query("SELECT partition, next_offset, version FROM projection_offset WHERE projection = ? AND topic = ?",
                rs -> {
                    offsets.put(rs.getInt(1), new StoredOffset(rs.getLong(2), rs.getLong(3)));
                }, projection, topic);
        return offsets;
    }

    /** Locks the partition's offset row until the transaction ends, so no batch of it commits meanwhile. */
    StoredOffset lockPartition(String projection, String topic, int partition) {
        List<StoredOffset> found = jdbc.query("SELECT next_offset, version FROM projection_offset"
                + " WHERE projection = ? AND topic = ? AND partition = ? FOR UPDATE",
                (rs, row) -> new StoredOffset(rs.getLong(1), rs.getLong(2)), projection, topic, partition);
        return found.isEmpty() ? null : found.get(0);
    }

    void bumpVersion(String projection, String topic, int partition) {
        jdbc.update("UPDATE projection_offset SET version = version + 1, updated_at = now()"
                + " WHERE projection = ? AND topic = ? AND partition = ?", projection, topic, partition);
    }

    /**
     * Moves the stored offsets from {@code expected} (absent = none stored yet) to {@code next}, bumping each
     * version, in one statement for the updates. Fails if another writer changed any of them meanwhile, so two
     * instances never both apply a batch. Returns the new versions.
     */
    Map<Integer, Long> advanceOffsets(String projection, String topic, Map<Integer, StoredOffset> expected,
                                      Map<Integer, Long> next) {
        Map<Integer, Long> versions = new HashMap<>();
        List<Integer> updates = new ArrayList<>();
        List<Integer> inserts = new ArrayList<>();
        next.keySet().forEach(partition -> (expected.containsKey(partition) ? updates : inserts).add(partition));
        if (!updates.isEmpty()) {
            Integer[] partitions = updates.toArray(Integer[]::new);
            Long[] offsets = new Long[partitions.length];
            Long[] fromOffsets = new Long[partitions.length];
            Long[] fromVersions = new Long[partitions.length];
            for (int i = 0; i < partitions.length; i++) {
                offsets[i] = next.get(partitions[i]);
                fromOffsets[i] = expected.get(partitions[i]).nextOffset();
                fromVersions[i] = expected.get(partitions[i]).version();
                versions.put(partitions[i], fromVersions[i] + 1);
            }
            int updated = jdbc.update(con -> {
                PreparedStatement statement = con.prepareStatement("UPDATE projection_offset o SET next_offset = t.n,"
                        + " version = o.version + 1, updated_at = now()"
                        + " FROM unnest(?::int[], ?::bigint[], ?::bigint[], ?::bigint[]) AS t(p, n, f, v)"
                        + " WHERE o.projection = ? AND o.topic = ? AND o.partition = t.p AND o.next_offset = t.f"
                        + " AND o.version = t.v");
                statement.setArray(1, con.createArrayOf("integer", partitions));
                statement.setArray(2, con.createArrayOf("bigint", offsets));
                statement.setArray(3, con.createArrayOf("bigint", fromOffsets));
                statement.setArray(4, con.createArrayOf("bigint", fromVersions));
                statement.setString(5, projection);
                statement.setString(6, topic);
                return statement;
            });
            if (updated != partitions.length) {
                throw new ConcurrentProjectionUpdateException(projection, topic, updates);
            }
        }
        for (Integer partition : inserts) {
            int inserted = jdbc.update("INSERT INTO projection_offset (projection, topic, partition, next_offset, version)"
                    + " VALUES (?, ?, ?, ?, 0) ON CONFLICT DO NOTHING", projection, topic, partition, next.get(partition));
            if (inserted != 1) {
                throw new ConcurrentProjectionUpdateException(projection, topic, List.of(partition));
            }
            versions.put(partition, 0L);
        }
        return versions;
    }

    Map<String, Long> positions(String projection, Collection<String> aggregateIds) {
        Map<String, Long> positions = new HashMap<>();
        if (aggregateIds.isEmpty()) {
            return positions;
        }
        jdbc.query(con -> {
            // A join with unnest, not "aggregate_id = ANY (?)": with that, and no statistics yet (a rebuild fills the
            // table faster than autovacuum analyses it), PostgreSQL scanned every row of the projection and compared
            // it with each id of the array: 0.5-1 s per batch after 100,000 events (benchmarks/RESULTS.md).
            var statement = con.prepareStatement("SELECT p.aggregate_id, p.last_sequence FROM unnest(?::text[]) AS a(id)"
                    + " JOIN projection_aggregate_position p ON p.projection = ? AND p.aggregate_id = a.id");
            Array ids = con.createArrayOf("text", aggregateIds.toArray());
            statement.setArray(1, ids);
            statement.setString(2, projection);
            return statement;
        }, rs -> {
            positions.put(rs.getString(1), rs.getLong(2));
        });
        return positions;
    }

    boolean hasPositions(String projection) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM projection_aggregate_position"
                + " WHERE projection = ?)", Boolean.class, projection));
    }

    /** The sequences of {@code aggregateId} that the given projections have applied. */
    Map<String, Long> appliedBy(Collection<String> projections, String aggregateId) {
        Map<String, Long> applied = new HashMap<>();
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT projection, last_sequence FROM projection_aggregate_position"
                    + " WHERE aggregate_id = ? AND projection = ANY (?)");
            statement.setString(1, aggregateId);
            statement.setArray(2, con.createArrayOf("text", projections.toArray()));
            return statement;
        }, rs -> {
            applied.put(rs.getString(1), rs.getLong(2));
        });
        return applied;
    }

    void savePositions(String projection, Map<String, Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        String[] ids = new String[positions.size()];
        Long[] sequences = new Long[positions.size()];
        int i = 0;
        for (Map.Entry<String, Long> position : positions.entrySet()) {
            ids[i] = position.getKey();
            sequences[i++] = position.getValue();
        }
        // One statement for the whole batch: arrays instead of a row per aggregate.
        jdbc.update(con -> {
            var statement = con.prepareStatement("INSERT INTO projection_aggregate_position"
                    + " (projection, aggregate_id, last_sequence) SELECT ?, a, s FROM unnest(?::text[], ?::bigint[]) AS t(a, s)"
                    + " ON CONFLICT (projection, aggregate_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence");
            statement.setString(1, projection);
            statement.setArray(2, con.createArrayOf("text", ids));
            statement.setArray(3, con.createArrayOf("bigint", sequences));
            return statement;
        });
    }

    /** A parked record as the machinery needs it to hold and release. */
    record ParkedRow(long id, int partition, long offset, String recordKey, String aggregateId, Long sequence,
                     ParkReason reason, String holdKey, String waitingFor, Long missingSequence, int attempts,
                     byte[] value) {
    }

    /** The open (PARKED) records of a partition, in offset order; with their bytes when {@code withValue}. */
    List<ParkedRow> openParked(String projection, String topic, int partition, boolean withValue) {
        return jdbc.query("SELECT id, partition, \"offset\", record_key, aggregate_id, sequence, reason, hold_key,"
                + " waiting_for, missing_sequence, attempts" + (withValue ? ", value" : "")
                + " FROM projection_parked WHERE projection = ? AND topic = ? AND partition = ? AND state = 'PARKED'"
                + " ORDER BY \"offset\"", (rs, row) -> new ParkedRow(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                rs.getString(4), rs.getString(5), (Long) rs.getObject(6), ParkReason.valueOf(rs.getString(7)),
                rs.getString(8), rs.getString(9), (Long) rs.getObject(10), rs.getInt(11),
                withValue ? rs.getBytes(12) : null), projection, topic, partition);
    }

    /** The partitions with open parked records. */
    List<Integer> partitionsWithParked(String projection, String topic) {
        return jdbc.queryForList("SELECT DISTINCT partition FROM projection_parked WHERE projection = ? AND topic = ?"
                + " AND state = 'PARKED' ORDER BY partition", Integer.class, projection, topic);
    }

    /** A record to park, new or again. */
    record NewParked(int partition, long offset, String recordKey, RecordDecoder.Known known, String holdKey,
                     ParkReason reason, String waitingFor, Long missingSequence, byte[] value, String errorMessage,
                     String errorStack) {
    }

    void insertParked(String projection, String topic, List<NewParked> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO projection_parked (projection, topic, partition, \"offset\", record_key,"
                + " aggregate_id, sequence, event_id, event_type, schema_version, hold_key, reason, waiting_for,"
                + " missing_sequence, value, error_message, error_stack)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (projection, topic, partition, \"offset\") DO UPDATE SET reason = EXCLUDED.reason,"
                + " hold_key = EXCLUDED.hold_key, waiting_for = EXCLUDED.waiting_for,"
                + " missing_sequence = EXCLUDED.missing_sequence, error_message = EXCLUDED.error_message,"
                + " error_stack = EXCLUDED.error_stack, state = 'PARKED', resolved_at = NULL,"
                + " attempts = projection_parked.attempts + 1", rows, rows.size(), (ps, row) -> {
                    ps.setString(1, projection);
                    ps.setString(2, topic);
                    ps.setInt(3, row.partition());
                    ps.setLong(4, row.offset());
                    ps.setString(5, text(row.recordKey()));
                    ps.setString(6, text(row.known().aggregateId()));
                    ps.setObject(7, row.known().sequence(), Types.BIGINT);
                    ps.setObject(8, row.known().eventId(), Types.OTHER);
                    ps.setString(9, text(row.known().type()));
                    ps.setObject(10, row.known().schemaVersion(), Types.INTEGER);
                    ps.setString(11, text(row.holdKey()));
                    ps.setString(12, row.reason().name());
                    ps.setString(13, text(row.waitingFor()));
                    ps.setObject(14, row.missingSequence(), Types.BIGINT);
                    ps.setBytes(15, row.value());
                    ps.setString(16, text(row.errorMessage()));
                    ps.setString(17, text(row.errorStack()));
                });
    }

    /** A change to an open parked record: resolved ({@code state} other than PARKED) or parked for another reason. */
    record ParkedUpdate(long id, ParkState state, ParkReason reason, String waitingFor, Long missingSequence,
                        boolean attempted, String errorMessage, String errorStack) {
    }

    void updateParked(List<ParkedUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE projection_parked SET state = ?, reason = ?, waiting_for = ?, missing_sequence = ?,"
                + " attempts = attempts + ?, error_message = coalesce(?, error_message),"
                + " error_stack = coalesce(?, error_stack),"
                + " resolved_at = CASE WHEN ? = 'PARKED' THEN NULL ELSE now() END WHERE id = ?",
                updates, updates.size(), (ps, update) -> {
                    ps.setString(1, update.state().name());
                    ps.setString(2, update.reason().name());
                    ps.setString(3, text(update.waitingFor()));
                    ps.setObject(4, update.missingSequence(), Types.BIGINT);
                    ps.setInt(5, update.attempted() ? 1 : 0);
                    ps.setString(6, text(update.errorMessage()));
                    ps.setString(7, text(update.errorStack()));
                    ps.setString(8, update.state().name());
                    ps.setLong(9, update.id());
                });
    }

    long countParked(String projection) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM projection_parked WHERE projection = ? AND state = 'PARKED'",
                Long.class, projection);
        return count == null ? 0 : count;
    }

    List<ParkedEvent> listParked(String projection, ParkState state, long afterId, int limit) {
        return jdbc.query("SELECT " + PARKED_COLUMNS + " FROM projection_parked WHERE projection = ?"
                + " AND (?::text IS NULL OR state = ?::text) AND id > ? ORDER BY id LIMIT ?",
                (rs, row) -> parked(rs, false), projection, state == null ? null : state.name(),
                state == null ? null : state.name(), afterId, limit);
    }

    ParkedEvent findParked(String projection, long id) {
        List<ParkedEvent> found = jdbc.query("SELECT " + PARKED_COLUMNS + ", error_stack, value FROM projection_parked"
                + " WHERE projection = ? AND id = ?", (rs, row) -> parked(rs, true), projection, id);
        return found.isEmpty() ? null : found.get(0);
    }

    List<Long> openRootIds(String projection, String topic, int partition) {
        return jdbc.queryForList("SELECT id FROM projection_parked WHERE projection = ? AND topic = ? AND partition = ?"
                + " AND state = 'PARKED' AND reason NOT IN ('BEHIND') ORDER BY \"offset\"", Long.class,
                projection, topic, partition);
    }

    private static ParkedEvent parked(ResultSet rs, boolean detail) throws SQLException {
        return new ParkedEvent(rs.getLong("id"), rs.getString("projection"), rs.getString("topic"),
                rs.getInt("partition"), rs.getLong("offset"), rs.getString("record_key"), rs.getString("aggregate_id"),
                (Long) rs.getObject("sequence"), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                (Integer) rs.getObject("schema_version"), ParkReason.valueOf(rs.getString("reason")),
                rs.getString("hold_key"), rs.getString("waiting_for"), (Long) rs.getObject("missing_sequence"),
                ParkState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("error_message"),
                detail ? rs.getString("error_stack") : null, detail ? rs.getBytes("value") : null,
                instant(rs.getTimestamp("parked_at")), instant(rs.getTimestamp("resolved_at")));
    }

    void recordAction(String projection, String action, Long parkedId, String actor, String reason, String outcome) {
        jdbc.update("INSERT INTO projection_action (projection, action, parked_id, actor, reason, outcome)"
                + " VALUES (?, ?, ?, ?, ?, ?)", projection, action, parkedId, text(actor), text(reason), text(outcome));
    }

    List<ProjectionAction> actions(String projection, long beforeId, int limit) {
        return jdbc.query("SELECT id, projection, action, parked_id, actor, reason, outcome, at FROM projection_action"
                + " WHERE projection = ? AND id < ? ORDER BY id DESC LIMIT ?", (rs, row) -> new ProjectionAction(
                rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4), rs.getString(5),
                rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8))), projection, beforeId, limit);
    }

    /** Deletes the projection's offsets, positions and parked records (its actions stay: they are history). */
    void forget(String projection) {
        jdbc.update("DELETE FROM projection_offset WHERE projection = ?", projection);
        jdbc.update("DELETE FROM projection_aggregate_position WHERE projection = ?", projection);
        jdbc.update("DELETE FROM projection_parked WHERE projection = ?", projection);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** PostgreSQL text cannot hold NUL; whatever a hostile record carries must still be storable. */
    static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }
}
