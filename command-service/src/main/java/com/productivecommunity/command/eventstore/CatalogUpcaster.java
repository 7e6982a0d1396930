package com.productivecommunity.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.productivecommunity.events.EventUpcaster;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** One of shared-events' upcasters applied to stored events: the same chain Kafka consumers apply. */
class CatalogUpcaster extends SingleEventUpcaster {

    private static final String EVENTS_PACKAGE = "com.productivecommunity.events.";

    private final EventUpcaster upcaster;

    CatalogUpcaster(EventUpcaster upcaster) {
        this.upcaster = upcaster;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getName().equals(EVENTS_PACKAGE + upcaster.type())
                && String.valueOf(upcaster.fromVersion()).equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), String.valueOf(upcaster.fromVersion() + 1)),
                JsonNode.class,
                payload -> upcaster.upcast((ObjectNode) payload));
    }
}
