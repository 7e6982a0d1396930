package com.productivecommunity.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * Reads and writes events and envelopes as JSON. Thread-safe; one instance can serve a whole service.
 * Timestamps are ISO-8601 strings, decimals keep their exact value, unknown payload fields are ignored
 * so that adding an optional field never breaks an older consumer.
 */
public final class EventCodec {

    private final ObjectMapper mapper;
    private final List<EventUpcaster> upcasters;

    public EventCodec() {
        this(EventCatalog.upcasters());
    }

    EventCodec(List<EventUpcaster> upcasters) {
        this.upcasters = upcasters.stream().sorted(Comparator.comparingInt(EventUpcaster::fromVersion)).toList();
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Wraps an event for Kafka, at its current schema version. */
    public EventEnvelope envelope(CommunityEvent event, String aggregateType, String aggregateId,
                                  long sequence, long storePosition) {
        Class<? extends CommunityEvent> type = event.getClass();
        return new EventEnvelope(event.eventId(), EventCatalog.typeName(type), EventCatalog.currentVersion(type),
                aggregateType, aggregateId, sequence, storePosition, event.communityId(), event.actorId(),
                event.occurredAt(), mapper.valueToTree(event));
    }

    public byte[] write(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Envelope cannot be written as JSON", e);
        }
    }

    public EventEnvelope read(byte[] json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not an event envelope", e);
        }
    }

    /** The envelope's payload as the current version of its event, upcasting older versions first. */
    public CommunityEvent event(EventEnvelope envelope) {
        return event(envelope.type(), envelope.schemaVersion(), envelope.payload());
    }

    public CommunityEvent event(String typeName, int schemaVersion, ObjectNode payload) {
        Class<? extends CommunityEvent> type = EventCatalog.type(typeName)
                .orElseThrow(() -> new UnknownEventTypeException(typeName));
        ObjectNode current = upcast(typeName, schemaVersion, payload);
        try {
            return mapper.treeToValue(current, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Payload of " + typeName + " v" + schemaVersion + " is malformed", e);
        }
    }

    /** Applies the upcaster chain of {@code typeName} from {@code schemaVersion} up to the current version. */
    public ObjectNode upcast(String typeName, int schemaVersion, ObjectNode payload) {
        ObjectNode current = payload;
        int version = schemaVersion;
        for (EventUpcaster upcaster : upcasters) {
            if (upcaster.type().equals(typeName) && upcaster.fromVersion() == version) {
                current = upcaster.upcast(current.deepCopy());
                version++;
            }
        }
        return current;
    }
}
