package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/** A member viewed a contribution for the first time. Repeated views record nothing new. */
@SchemaVersion(1)
public record ContributionViewed(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                                 UUID contributionId, String contributionAuthorId) implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
