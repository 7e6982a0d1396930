package com.productivecommunity.support.projection;

import java.time.Instant;
import java.util.UUID;

/**
 * A parked record as stored: where it was read, what is known of it, why it waits and for what. In listings
 * {@code value} and {@code errorStack} are null; {@link ParkedEvents#get} fills them.
 */
public record ParkedEvent(long id, String projection, String topic, int partition, long offset, String recordKey,
                          String aggregateId, Long sequence, UUID eventId, String eventType, Integer schemaVersion,
                          ParkReason reason, String holdKey, String waitingFor, Long missingSequence,
                          ParkState state, int attempts, String errorMessage, String errorStack, byte[] value,
                          Instant parkedAt, Instant resolvedAt) {
}
