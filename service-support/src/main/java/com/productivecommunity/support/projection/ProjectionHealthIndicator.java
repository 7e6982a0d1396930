package com.productivecommunity.support.projection;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * DOWN when the projection cannot run: stopped, the broker not answering, or batches failing on a fault that
 * lasts (the database unreachable). DEGRADED, with the count, when records are parked: the projection runs,
 * but something waits for an operator. UP otherwise. Services map DEGRADED to HTTP 200.
 */
class ProjectionHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Records are parked; see /api/admin/projections");

    private final ProjectionRunner runner;
    private final ProjectionProperties properties;

    ProjectionHealthIndicator(ProjectionRunner runner, ProjectionProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public Health health() {
        ProjectionStatus status = runner.status();
        Instant now = Instant.now();
        Duration timeout = properties.getHealthTimeout();
        Health.Builder health;
        if ("REBUILDING".equals(status.state())) {
            health = Health.up().withDetail("reason", "rebuilding from the first offset");
        } else if (!status.running()) {
            health = Health.down().withDetail("reason", "consumer is not running");
        } else if (status.consecutiveFailures() >= properties.getFailuresBeforeDown()) {
            health = Health.down().withDetail("reason", "batches keep failing: " + status.lastError());
        } else if (status.lastBrokerContactAt() == null) {
            health = status.startedAt().plus(timeout).isBefore(now)
                    ? Health.down().withDetail("reason", "cannot reach Kafka") : Health.unknown();
        } else if (status.lastBrokerContactAt().plus(timeout).isBefore(now)) {
            health = Health.down().withDetail("reason", "cannot reach Kafka since " + status.lastBrokerContactAt());
        } else if (status.parkedEvents() > 0) {
            health = Health.status(DEGRADED).withDetail("reason", status.parkedEvents() + " parked record(s)");
        } else {
            health = Health.up();
        }
        health.withDetail("lag", status.lag())
                .withDetail("appliedEvents", status.appliedEvents())
                .withDetail("parkedEvents", status.parkedEvents())
                .withDetail("assignedPartitions", status.assignedPartitions())
                .withDetail("consecutiveFailures", status.consecutiveFailures());
        if (status.lastBatchAt() != null) {
            health.withDetail("lastBatchAt", status.lastBatchAt().toString());
        }
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError());
        }
        return health.build();
    }
}
