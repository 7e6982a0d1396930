package com.productivecommunity.support.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Creates the service's PostgreSQL database if it does not exist yet, so a fresh clone runs against a
 * bare server. Runs when the context refreshes, before any bean (the data source, Flyway) is created, so
 * it sees every property source, including those a test adds ({@code @DynamicPropertySource}); an
 * environment post-processor would run before those and create the database of the defaults instead.
 * Switched off with {@code platform.database.create-if-missing=false}, as a production profile should.
 */
@AutoConfiguration(before = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@ConditionalOnClass(name = "org.postgresql.Driver")
public class DatabaseBootstrap {

    private static final Pattern POSTGRES_URL =
            Pattern.compile("jdbc:postgresql://(?<server>[^/]+)/(?<database>[A-Za-z0-9_]+)(?<params>\\?.*)?");

    @Bean
    static BeanFactoryPostProcessor createDatabaseIfMissing(Environment environment) {
        return beanFactory -> {
            if (!environment.getProperty("platform.database.create-if-missing", Boolean.class, true)) {
                return;
            }
            String url = environment.getProperty("spring.datasource.url");
            if (url != null) {
                createIfMissing(url, environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"));
            }
        };
    }

    /** Connects to the server's {@code postgres} database and creates the one named in {@code url}. */
    public static void createIfMissing(String url, String user, String password) {
        Matcher matcher = POSTGRES_URL.matcher(url);
        if (!matcher.matches()) {
            return;
        }
        String database = matcher.group("database");
        String params = matcher.group("params") == null ? "" : matcher.group("params");
        String adminUrl = "jdbc:postgresql://" + matcher.group("server") + "/postgres" + params;
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            if (!exists(connection, database)) {
                try (Statement statement = connection.createStatement()) {
                    // The name is checked by the pattern above: letters, digits and underscores only.
                    statement.execute("CREATE DATABASE " + database);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // created concurrently by another process: fine
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + adminUrl
                    + " to create database " + database + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
