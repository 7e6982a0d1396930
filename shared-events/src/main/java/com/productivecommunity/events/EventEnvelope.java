package com.productivecommunity.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one JSON form of an event on Kafka (see {@code shared-events/EVENTS.md}). The record key is {@code communityId},
 * so all events of a community land on one partition, in order. {@code aggregateId} and
 * {@code sequence} order the events of one aggregate; {@code eventId} lets a consumer recognise a
 * redelivery. {@code storePosition} is the event's global index in the command-side event store.
 */
public record EventEnvelope(UUID eventId, String type, int schemaVersion, String aggregateType,
                            String aggregateId, long sequence, long storePosition, UUID communityId,
                            String actorId, Instant occurredAt, ObjectNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(communityId, "communityId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }
}
