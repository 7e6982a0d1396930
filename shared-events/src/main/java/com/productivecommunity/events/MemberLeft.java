package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/** A member left a community (and, if they were a leader, stopped being one). */
@SchemaVersion(1)
public record MemberLeft(UUID eventId, UUID communityId, String actorId, Instant occurredAt)
        implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
