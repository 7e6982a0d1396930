package com.productivecommunity.support.projection;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one projection, for health, the admin endpoint and tests. {@code state}: RUNNING, STOPPING,
 * STOPPED or REBUILDING; {@code lag}: records on the topic not yet handled by this instance's consumers;
 * {@code parkedEvents}: open parked records of the projection (all instances).
 */
public record ProjectionStatus(String name, String state, boolean running, long lag, long appliedEvents,
                               long parkedEvents, int consecutiveFailures, String lastError, Instant startedAt,
                               Instant lastBatchAt, Instant lastBrokerContactAt, List<Integer> assignedPartitions) {
}
