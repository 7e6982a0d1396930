package com.productivecommunity.systemtest;

import com.productivecommunity.support.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many events command-service has stored, read from its database: a rejected command must not move
 * it. The one place that knows the event store's table (Axon's {@code domain_event_entry} today).
 */
final class CommandEvents implements AutoCloseable {

    private final Connection connection;

    CommandEvents() {
        try {
            connection = DriverManager.getConnection(TestDatabases.systemUrl("command"), "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException("command-service's database", e);
        }
    }

    long count() {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting stored events", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing at the end of the run: nothing left to protect
        }
    }
}
