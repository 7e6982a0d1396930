package com.productivecommunity.support.projection;

import java.time.Instant;
import java.util.List;

/** A snapshot of one projection consumer, for health, the admin endpoint and tests. */
public record ProjectionStatus(String name, boolean running, long lag, long appliedEvents, int consecutiveFailures,
                               String lastError, Instant startedAt, Instant lastPollAt, Instant lastBrokerContactAt,
                               List<Integer> assignedPartitions) {
}
