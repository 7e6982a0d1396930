package com.productivecommunity.support.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DatabaseBootstrapTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void createsAMissingDatabaseAndLeavesAnExistingOneAlone() throws Exception {
        String name = "pc_bootstrap_test";
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);

            DatabaseBootstrap.createIfMissing(SERVER + name + "?ApplicationName=test", "postgres", null);
            DatabaseBootstrap.createIfMissing(SERVER + name, "postgres", null);

            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            statement.execute("DROP DATABASE " + name);
        }
    }
}
