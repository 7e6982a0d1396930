package com.productivecommunity.audit.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the event log, exactly as stored: the leaf of the tree covers every field, the
 * payload and metadata as their stored bytes (never re-serialized; ciphertext where texts are
 * encrypted, so destroying a key changes no leaf).
 *
 * @param position      global position, 1, 2, 3, ... in commit order; leaf {@code position - 1}
 * @param occurredAt    with at most microsecond precision, as PostgreSQL's timestamptz stores it
 * @param communityId   null for events outside any community
 * @param actorId       null for events no member caused
 * @param metadata      null when the row has none
 */
public record LoggedEvent(
        long position,
        UUID eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String eventType,
        int schemaVersion,
        UUID communityId,
        String actorId,
        Instant occurredAt,
        byte[] payload,
        byte[] metadata) {

    public LoggedEvent {
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1, got " + position);
        }
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (occurredAt.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("occurredAt " + occurredAt + " is finer than a microsecond;"
                    + " pass the value as stored (PostgreSQL keeps microseconds)");
        }
        payload = payload.clone();
        metadata = metadata == null ? null : metadata.clone();
    }

    /** The stored payload bytes (a copy). */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The stored metadata bytes (a copy), or null. */
    @Override
    public byte[] metadata() {
        return metadata == null ? null : metadata.clone();
    }

    /** Microseconds since 1970-01-01T00:00:00Z, as PostgreSQL stores {@code occurred_at}. */
    public long occurredAtMicros() {
        return Math.addExact(Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L), occurredAt.getNano() / 1000);
    }

    /** The leaf number of this event in the tree. */
    public long leafIndex() {
        return position - 1;
    }

    // Arrays compare by content: two events are equal when every stored byte is.
    @Override
    public boolean equals(Object other) {
        return other instanceof LoggedEvent that
                && position == that.position && sequence == that.sequence && schemaVersion == that.schemaVersion
                && eventId.equals(that.eventId) && aggregateType.equals(that.aggregateType)
                && aggregateId.equals(that.aggregateId) && eventType.equals(that.eventType)
                && Objects.equals(communityId, that.communityId) && Objects.equals(actorId, that.actorId)
                && occurredAt.equals(that.occurredAt) && Arrays.equals(payload, that.payload)
                && Arrays.equals(metadata, that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, eventId, sequence, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "LoggedEvent[position=" + position + ", eventId=" + eventId + ", " + aggregateType + "/" + aggregateId
                + "#" + sequence + ", " + eventType + " v" + schemaVersion + ", community=" + communityId
                + ", actor=" + actorId + ", occurredAt=" + occurredAt + ", payload=" + payload.length + " bytes"
                + ", metadata=" + (metadata == null ? "none" : metadata.length + " bytes") + "]";
    }
}
