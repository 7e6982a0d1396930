package com.productivecommunity.support.projection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventCatalog;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.EventEnvelope;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a record's bytes into a {@link ProjectedEvent}, or says precisely why it cannot: what is known of
 * the record (aggregate, sequence, event id, type) is kept either way, so that a record that fails is
 * parked under its own aggregate and a redelivery of it is recognised.
 */
final class RecordDecoder {

    /** The envelope's fields in {@link EventEnvelope}'s order; each must appear once for the one-pass path. */
    private static final List<String> FIELDS = List.of("eventId", "type", "schemaVersion", "aggregateType", "aggregateId",
            "sequence", "storePosition", "communityId", "actorId", "occurredAt", "payload");
    private static final int ALL_SEEN = (1 << FIELDS.size()) - 1;
    private static final int VERSION_SEEN = 1 << FIELDS.indexOf("schemaVersion");

    private final EventCodec codec = new EventCodec();
    private final boolean onePass;
    private final Map<String, ObjectReader> readers = new HashMap<>();
    private final Map<String, Integer> currentVersions = new HashMap<>();
    private final com.fasterxml.jackson.core.JsonFactory factory;

    /** The one-pass decoder, falling back to the tree decoder for anything it does not accept. */
    RecordDecoder() {
        this(true);
    }

    /** {@code onePass == false}: only the tree decoder (envelope as a tree, then the tree into the event). */
    RecordDecoder(boolean onePass) {
        this.onePass = onePass;
        // The codec's mapper with a faster reader of canonical instants (FastInstants; the same values).
        com.fasterxml.jackson.databind.ObjectMapper mapper = codec.mapper().copy().registerModule(
                new com.fasterxml.jackson.databind.module.SimpleModule("fast-instants")
                        .addDeserializer(Instant.class, new FastInstants.Deserializer()));
        this.factory = mapper.getFactory();
        for (Class<? extends CommunityEvent> type : EventCatalog.types()) {
            readers.put(EventCatalog.typeName(type), mapper.readerFor(type));
            currentVersions.put(EventCatalog.typeName(type), EventCatalog.currentVersion(type));
        }
    }

    Decoded decode(int partition, long offset, byte[] value) {
        if (value == null || value.length == 0) {
            return Decoded.failed(ParkReason.UNDECODABLE, "Empty record (no value)", null, Known.NONE);
        }
        if (onePass) {
            ProjectedEvent event = fast(partition, offset, value);
            if (event != null) {
                EventEnvelope envelope = event.envelope();
                return new Decoded(event, null, null, null, new Known(envelope.aggregateId(), envelope.sequence(),
                        envelope.eventId(), envelope.type(), envelope.schemaVersion()));
            }
        }
        return tree(partition, offset, value);
    }

    /**
     * One pass over the record's bytes: the envelope's fields straight from the parser, and the payload
     * deserialized from the same parser into its event (a reader per type, made once), with no intermediate tree.
     * Returns null whenever the record is anything but a valid envelope of a known type at its current version
     * (including payloads that need upcasting, a payload before the type, a repeated field, an unexpected token):
     * the tree path then decodes it and names precisely what is wrong, so both paths accept the same records and
     * refuse them with the same reasons.
     */
    private ProjectedEvent fast(int partition, long offset, byte[] value) {
        try (JsonParser parser = factory.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            UUID eventId = null;
            UUID communityId = null;
            String type = null;
            String aggregateType = null;
            String aggregateId = null;
            String actorId = null;
            Instant occurredAt = null;
            int schemaVersion = 0;
            long sequence = 0;
            long storePosition = 0;
            CommunityEvent event = null;
            int seen = 0;
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken v = parser.nextToken();
                int bit = fieldBit(name);
                if (bit >= 0) {
                    if ((seen & (1 << bit)) != 0) {
                        return null;
                    }
                    seen |= 1 << bit;
                }
                switch (name) {
                    case "eventId" -> eventId = uuid(parser, v);
                    case "type" -> type = v == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "schemaVersion" -> {
                        if (v != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                            return null;
                        }
                        schemaVersion = parser.getIntValue();
                    }
                    case "aggregateType" -> {
                        if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        aggregateType = v == JsonToken.VALUE_NULL ? null : parser.getText();
                    }
                    case "aggregateId" -> aggregateId = v == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "sequence" -> {
                        if (v != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                            return null;
                        }
                        sequence = parser.getLongValue();
                    }
                    case "storePosition" -> {
                        if (v != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                            return null;
                        }
                        storePosition = parser.getLongValue();
                    }
                    case "communityId" -> communityId = uuid(parser, v);
                    case "actorId" -> {
                        if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        actorId = v == JsonToken.VALUE_NULL ? null : parser.getText();
                    }
                    case "occurredAt" -> {
                        if (v != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        String text = parser.getText();
                        Instant canonical = FastInstants.canonical(text);
                        occurredAt = canonical != null ? canonical : Instant.parse(text);
                    }
                    case "payload" -> {
                        if (v != JsonToken.START_OBJECT || type == null || (seen & VERSION_SEEN) == 0) {
                            return null;
                        }
                        ObjectReader reader = readers.get(type);
                        if (reader == null || schemaVersion != currentVersions.get(type)) {
                            return null;
                        }
                        event = reader.readValue(parser);
                    }
                    default -> parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null || seen != ALL_SEEN || eventId == null
                    || type == null || aggregateId == null || communityId == null || event == null || sequence < 0
                    || !eventId.equals(event.eventId()) || !communityId.equals(event.communityId())) {
                return null;
            }
            EventEnvelope envelope = new EventEnvelope(eventId, type, schemaVersion, aggregateType, aggregateId, sequence,
                    storePosition, communityId, actorId, occurredAt, JsonNodeFactory.instance.objectNode());
            return new ProjectedEvent(envelope, event, partition, offset);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static int fieldBit(String name) {
        return switch (name) {
            case "eventId" -> 0;
            case "type" -> 1;
            case "schemaVersion" -> 2;
            case "aggregateType" -> 3;
            case "aggregateId" -> 4;
            case "sequence" -> 5;
            case "storePosition" -> 6;
            case "communityId" -> 7;
            case "actorId" -> 8;
            case "occurredAt" -> 9;
            case "payload" -> 10;
            default -> -1;
        };
    }

    /** A UUID exactly as Jackson reads one: 36 characters, dashes at 8, 13, 18, 23, hexadecimal digits elsewhere. */
    private static UUID uuid(JsonParser parser, JsonToken token) throws java.io.IOException {
        if (token != JsonToken.VALUE_STRING) {
            return null;
        }
        String text = parser.getText();
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
                || text.charAt(23) != '-') {
            return null;
        }
        long high = hex(text, 0, 8) << 32 | hex(text, 9, 13) << 16 | hex(text, 14, 18);
        long low = hex(text, 19, 23) << 48 | hex(text, 24, 36);
        return new UUID(high, low);
    }

    /** The hexadecimal digits of {@code text[from, to)}, or an exception for any other character. */
    private static long hex(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') {
                throw new IllegalArgumentException("Not a hexadecimal digit");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** The reference decoder: the envelope as read by {@link EventCodec}, then its payload tree into the event. */
    private Decoded tree(int partition, long offset, byte[] value) {
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
