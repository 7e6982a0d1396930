package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The author (the actor) replaced their contribution's title and body. {@code title} is null only for an ANSWER
 * without one; both follow the same rules as when posted. The earlier texts stay in the history (earlier events).
 */
@SchemaVersion(1)
public record ContributionEdited(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                                 UUID contributionId, String title, String body) implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
