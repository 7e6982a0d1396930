package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/** A member founded a community around a purpose; the founder is its first member and a leader. */
@SchemaVersion(1)
public record CommunityFounded(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                               String name, String purpose) implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
