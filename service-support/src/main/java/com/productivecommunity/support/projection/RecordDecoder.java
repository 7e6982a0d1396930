package com.productivecommunity.support.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventCatalog;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.EventEnvelope;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a record's bytes into a {@link ProjectedEvent}, or says precisely why it cannot: what is known of
 * the record (aggregate, sequence, event id, type) is kept either way, so that a record that fails is
 * parked under its own aggregate and a redelivery of it is recognised.
 */
final class RecordDecoder {

    private final EventCodec codec = new EventCodec();

    Decoded decode(int partition, long offset, byte[] value) {
        if (value == null || value.length == 0) {
            return Decoded.failed(ParkReason.UNDECODABLE, "Empty record (no value)", null, Known.NONE);
        }
        EventEnvelope envelope;
        try {
            envelope = codec.read(value);
        } catch (RuntimeException e) {
            return Decoded.failed(ParkReason.UNDECODABLE, "Not an event envelope: " + rootMessage(e), e, lenient(value));
        }
        Known known = new Known(envelope.aggregateId(), envelope.sequence(), envelope.eventId(), envelope.type(),
                envelope.schemaVersion());
        if (envelope.sequence() < 0) {
            return Decoded.failed(ParkReason.UNDECODABLE, "Negative sequence " + envelope.sequence(), null,
                    new Known(envelope.aggregateId(), null, envelope.eventId(), envelope.type(), envelope.schemaVersion()));
        }
        Optional<Class<? extends CommunityEvent>> type = EventCatalog.type(envelope.type());
        if (type.isEmpty()) {
            return Decoded.failed(ParkReason.UNKNOWN_TYPE, "Unknown event type '" + envelope.type() + "'", null, known);
        }
        int current = EventCatalog.currentVersion(type.get());
        if (envelope.schemaVersion() < 1 || envelope.schemaVersion() > current) {
            // A newer producer's contract: reading it with the fields this version knows would project it wrongly.
            return Decoded.failed(ParkReason.UNSUPPORTED_VERSION, envelope.type() + " schemaVersion "
                    + envelope.schemaVersion() + " is not readable here (versions 1 to " + current + ")", null, known);
        }
        CommunityEvent event;
        try {
            event = codec.event(envelope);
        } catch (RuntimeException e) {
            return Decoded.failed(ParkReason.MALFORMED_PAYLOAD, "Payload of " + envelope.type() + " v"
                    + envelope.schemaVersion() + " does not match its contract: " + rootMessage(e), e, known);
        }
        if (!envelope.eventId().equals(event.eventId()) || !envelope.communityId().equals(event.communityId())) {
            return Decoded.failed(ParkReason.MALFORMED_PAYLOAD, "Envelope and payload disagree on the event id or"
                    + " community id", null, known);
        }
        return new Decoded(new ProjectedEvent(envelope, event, partition, offset), null, null, null, known);
    }

    /** What can be read from a record that is not a valid envelope, to file it under its aggregate if possible. */
    private Known lenient(byte[] value) {
        try {
            JsonNode node = codec.mapper().readTree(value);
            if (node == null || !node.isObject()) {
                return Known.NONE;
            }
            String aggregateId = node.path("aggregateId").isTextual() ? node.get("aggregateId").asText() : null;
            Long sequence = node.path("sequence").canConvertToLong() && node.get("sequence").asLong() >= 0
                    ? node.get("sequence").asLong() : null;
            UUID eventId = null;
            if (node.path("eventId").isTextual()) {
                try {
                    eventId = UUID.fromString(node.get("eventId").asText());
                } catch (IllegalArgumentException e) {
                    eventId = null;
                }
            }
            String type = node.path("type").isTextual() ? node.get("type").asText() : null;
            Integer version = node.path("schemaVersion").canConvertToInt() ? node.get("schemaVersion").asInt() : null;
            return new Known(aggregateId, aggregateId == null ? null : sequence, eventId, type, version);
        } catch (java.io.IOException | RuntimeException e) {
            return Known.NONE;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }

    /** What is known of a record, decodable or not; every field may be null. */
    record Known(String aggregateId, Long sequence, UUID eventId, String type, Integer schemaVersion) {
        static final Known NONE = new Known(null, null, null, null, null);
    }

    /** Either {@code event} or a {@code failure} with its message and cause. */
    record Decoded(ProjectedEvent event, ParkReason failure, String error, Throwable cause, Known known) {
        static Decoded failed(ParkReason reason, String error, Throwable cause, Known known) {
            return new Decoded(null, reason, error, cause, known);
        }

        boolean ok() {
            return event != null;
        }
    }
}
