package com.productivecommunity.analytics.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The ledger's stores' one way to read by many keys at once. Keys go in as arrays joined with unnest (an index
 * probe per key), never "column = ANY (?)": while a rebuild fills a table faster than autovacuum analyses it,
 * PostgreSQL planned ANY as a filter that compares every row with every key of the batch (benchmarks/RESULTS.md).
 */
final class Sql {

    private final JdbcTemplate jdbc;

    Sql(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** An array parameter, made on the statement's connection. */
    interface ArrayParam {
        Array create(Connection connection) throws SQLException;
    }

    /** The first and second halves of (UUID, String) keys, in the same order, for unnest(uuid[], text[]). */
    static List<UUID> firsts(Collection<List<Object>> keys) {
        return keys.stream().map(k -> (UUID) k.get(0)).toList();
    }

    static List<String> seconds(Collection<List<Object>> keys) {
        return keys.stream().map(k -> (String) k.get(1)).toList();
    }

    static ArrayParam uuids(Collection<UUID> values) {
        return c -> c.createArrayOf("uuid", values.toArray());
    }

    static ArrayParam texts(Collection<String> values) {
        return c -> c.createArrayOf("text", values.toArray());
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Parameters are arrays ({@link ArrayParam}) or plain values (the lane). */
    void query(String sql, RowCallbackHandler handler, Object... params) {
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
