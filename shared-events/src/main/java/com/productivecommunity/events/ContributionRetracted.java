package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/** The author (the actor) withdrew their contribution: it is no longer shown, and can no longer be changed. */
@SchemaVersion(1)
public record ContributionRetracted(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                                    UUID contributionId) implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
