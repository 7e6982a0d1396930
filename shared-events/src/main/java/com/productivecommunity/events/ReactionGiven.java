package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A member reacted to somebody else's contribution. Emitted once per member, contribution and kind:
 * repeating a reaction records nothing new.
 */
@SchemaVersion(1)
public record ReactionGiven(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                            UUID contributionId, String contributionAuthorId, ReactionKind kind)
        implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
