package com.productivecommunity.query;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Each test run gets a new embedded broker with an empty topic, so the stored offsets of an earlier run
 * would point past its end: the test database starts empty.
 */
@TestConfiguration(proxyBeanMethods = false)
class FreshDatabase {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
