package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/** A leader (the actor) removed {@code memberId} from the community's leaders; they stay a member. */
@SchemaVersion(1)
public record LeaderRemoved(UUID eventId, UUID communityId, String actorId, Instant occurredAt, String memberId)
        implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
