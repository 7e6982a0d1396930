package com.productivecommunity.command.testing;

import com.productivecommunity.support.testing.TestDatabases;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context every integration test of this module shares: the real service on a random
 * port, a PostgreSQL database of its own (created for this test JVM), and a real KRaft broker that tests may stop and restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.snapshots.threshold=5",
        "platform.kafka.partitions=3",
        "platform.kafka.health-timeout=1s",
        "platform.audit.local-key-file=target/audit/audit-signing-key.pem",
        "platform.audit.sign-interval=200ms",
        "platform.audit.poll-interval=50ms",
        "logging.level.org.apache.kafka=ERROR",
        "logging.level.org.axonframework.eventhandling.TrackingEventProcessor=WARN"})
@AutoConfigureObservability
public abstract class CommandServiceIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("command"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    }

    protected Api as(String user) {
        return Api.as(port, user);
    }

    /** The scraper's account (role OPERATOR): metrics and detailed health. */
    protected Api operator() {
        return Api.withPassword(port, "prometheus", "prometheus");
    }

    protected Api anonymous() {
        return Api.anonymous(port);
    }
}
