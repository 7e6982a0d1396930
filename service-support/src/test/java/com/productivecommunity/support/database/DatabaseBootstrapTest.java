package com.productivecommunity.support.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.support.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

class DatabaseBootstrapTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void createsAMissingDatabaseAndLeavesAnExistingOneAlone() throws Exception {
        String name = TestDatabases.uncreatedName("bootstrap");
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);

            DatabaseBootstrap.createIfMissing(SERVER + name + "?ApplicationName=test", "postgres", null);
            DatabaseBootstrap.createIfMissing(SERVER + name, "postgres", null);

            assertThat(count(statement, name)).isEqualTo(1);
            statement.execute("DROP DATABASE " + name);
        }
    }

    /** A test's @DynamicPropertySource arrives after the environment is prepared: the bootstrap must still see it. */
    @Test
    void createsTheDatabaseOfAPropertySourceAddedWhenTheContextIsPrepared() throws Exception {
        String name = TestDatabases.uncreatedName("bootstrap_late");
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);

            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DatabaseBootstrap.class))
                    .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                            new MapPropertySource("late", Map.of("spring.datasource.url", SERVER + name,
                                    "spring.datasource.username", "postgres"))))
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(count(statement, name)).isEqualTo(1);
            statement.execute("DROP DATABASE " + name);
        }
    }

    @Test
    void createsNothingWhenSwitchedOff() throws Exception {
        String name = TestDatabases.uncreatedName("bootstrap_off");
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement statement = admin.createStatement()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(DatabaseBootstrap.class))
                    .withPropertyValues("spring.datasource.url=" + SERVER + name, "platform.database.create-if-missing=false")
                    .run(context -> assertThat(context).hasNotFailed());

            assertThat(count(statement, name)).isZero();
        }
    }

    private static int count(Statement statement, String name) throws Exception {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
