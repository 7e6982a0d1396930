package com.productivecommunity.command.testing;

import com.productivecommunity.support.database.DatabaseBootstrap;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The module's test database, emptied once per test JVM so Flyway builds it from scratch. */
public final class TestDatabase {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/pc_command_test";
    private static boolean reset;

    private TestDatabase() {
    }

    public static synchronized String freshUrl() {
        if (!reset) {
            DatabaseBootstrap.createIfMissing(URL, "postgres", null);
            try (Connection connection = DriverManager.getConnection(URL, "postgres", null);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA public CASCADE");
                statement.execute("CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reset " + URL, e);
            }
            reset = true;
        }
        return URL;
    }
}
