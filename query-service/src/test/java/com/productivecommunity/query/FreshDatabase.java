package com.productivecommunity.query;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each test run works in its own schema of {@code pc_query_test}: a run starts with a new embedded broker
 * and an empty topic, so it must not meet offsets stored by an earlier run, nor share tables with a run
 * of the same tests in another process. Schemas of runs that ended (or died) over an hour ago are dropped.
 */
@TestConfiguration(proxyBeanMethods = false)
class FreshDatabase {

    static final String SCHEMA = "run_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();

    static String url() {
        return "jdbc:postgresql://127.0.0.1:5432/pc_query_test?reWriteBatchedInserts=true&currentSchema=" + SCHEMA;
    }

    @Bean
    FlywayMigrationStrategy dropStaleRunsThenMigrate() {
        return flyway -> {
            JdbcTemplate jdbc = new JdbcTemplate(flyway.getConfiguration().getDataSource());
            long hourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
            List<String> schemas = jdbc.queryForList(
                    "SELECT nspname FROM pg_namespace WHERE nspname ~ '^run_[0-9]+_[0-9]+$'", String.class);
            for (String schema : schemas) {
                if (Long.parseLong(schema.split("_")[1]) < hourAgo) {
                    jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
            flyway.migrate();
        };
    }

    @Bean
    DisposableBean dropThisRunsSchema(DataSource dataSource) {
        return () -> new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
}
