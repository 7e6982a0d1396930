package com.productivecommunity.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member joined a community, optionally stating what they want out of it ({@code purpose} may be null), as
 * the person the directory says they are: {@code segments} (normalised by {@link Segments}; empty when the
 * directory said nothing, and in every event stored as version 1).
 *
 * <p>Version 2 added {@code segments}; {@link Upcasters#MEMBER_JOINED_V1} reads a version 1 payload with none.
 */
@SchemaVersion(2)
public record MemberJoined(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                           String purpose, List<String> segments) implements CommunityEvent {

    public MemberJoined {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** A member who joined with no segments known. */
    public MemberJoined(UUID eventId, UUID communityId, String actorId, Instant occurredAt, String purpose) {
        this(eventId, communityId, actorId, occurredAt, purpose, List.of());
    }

    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
