package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/** A member joined a community, optionally stating what they want out of it ({@code purpose} may be null). */
@SchemaVersion(1)
public record MemberJoined(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                           String purpose) implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
