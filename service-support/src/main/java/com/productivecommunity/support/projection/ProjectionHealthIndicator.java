package com.productivecommunity.support.projection;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * UP while the consumer runs and the broker answered recently; DOWN when it is stopped, cannot reach
 * Kafka, or keeps failing to apply a batch (the detail names the failing events).
 */
class ProjectionHealthIndicator implements HealthIndicator {

    private final ProjectionRunner runner;
    private final ProjectionProperties properties;

    ProjectionHealthIndicator(ProjectionRunner runner, ProjectionProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public Health health() {
        ProjectionStatus status = runner.status();
        Health.Builder health = Health.unknown();
        Instant now = Instant.now();
        Duration timeout = properties.getHealthTimeout();
        if (!status.running()) {
            health = Health.down().withDetail("reason", "consumer is not running");
        } else if (status.consecutiveFailures() >= properties.getFailuresBeforeDown()) {
            health = Health.down().withDetail("reason", "batches keep failing");
        } else if (status.lastBrokerContactAt() == null) {
            health = status.startedAt().plus(timeout).isBefore(now)
                    ? Health.down().withDetail("reason", "cannot reach Kafka") : Health.unknown();
        } else if (status.lastBrokerContactAt().plus(timeout).isBefore(now)) {
            health = Health.down().withDetail("reason", "cannot reach Kafka since " + status.lastBrokerContactAt());
        } else {
            health = Health.up();
        }
        health.withDetail("lag", status.lag())
                .withDetail("appliedEvents", status.appliedEvents())
                .withDetail("assignedPartitions", status.assignedPartitions())
                .withDetail("consecutiveFailures", status.consecutiveFailures());
        if (status.lastPollAt() != null) {
            health.withDetail("lastPollAt", status.lastPollAt().toString());
        }
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError());
        }
        return health.build();
    }
}
