package com.productivecommunity.support.projection;

import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The machinery's own tables: stored offsets and per-aggregate high-water marks (schema V0_1). */
class ProjectionStore {

    private final JdbcTemplate jdbc;

    ProjectionStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Map<Integer, Long> offsets(String projection, String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        jdbc.query("SELECT partition, next_offset FROM projection_offset WHERE projection = ? AND topic = ?",
                rs -> {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }, projection, topic);
        return offsets;
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

    /**
     * Moves the stored offsets from {@code expected} (absent = none stored yet) to {@code next}. Fails if
     * another consumer of the same projection moved them meanwhile, so two instances never both apply a batch.
     */
    void advanceOffsets(String projection, String topic, Map<Integer, Long> expected, Map<Integer, Long> next) {
        next.forEach((partition, offset) -> {
            Long previous = expected.get(partition);
            int updated = previous == null
                    ? jdbc.update("INSERT INTO projection_offset (projection, topic, partition, next_offset)"
                            + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", projection, topic, partition, offset)
                    : jdbc.update("UPDATE projection_offset SET next_offset = ?, updated_at = now()"
                            + " WHERE projection = ? AND topic = ? AND partition = ? AND next_offset = ?",
                            offset, projection, topic, partition, previous);
            if (updated != 1) {
                List<Long> found = jdbc.queryForList("SELECT next_offset FROM projection_offset"
                        + " WHERE projection = ? AND topic = ? AND partition = ?", Long.class, projection, topic, partition);
                throw new ConcurrentProjectionUpdateException(projection, topic, partition, previous, offset, found);
            }
        });
    }

    void forget(String projection) {
        jdbc.update("DELETE FROM projection_offset WHERE projection = ?", projection);
        jdbc.update("DELETE FROM projection_aggregate_position WHERE projection = ?", projection);
    }
}
