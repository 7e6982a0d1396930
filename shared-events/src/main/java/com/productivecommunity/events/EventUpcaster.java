package com.productivecommunity.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON payload of one event type from {@code fromVersion} into {@code fromVersion + 1}.
 * Registered in {@link EventCatalog}; the command side's event store and every Kafka consumer use
 * the same chain, so old events read as the current contract everywhere.
 */
public interface EventUpcaster {

    String type();

    int fromVersion();

    ObjectNode upcast(ObjectNode payload);
}
