package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A leader of the community (the actor) hid a contribution by {@code contributionAuthorId}, for {@code reason}
 * (moderation): it is no longer shown, and can no longer be changed.
 */
@SchemaVersion(1)
public record ContributionHidden(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                                 UUID contributionId, String contributionAuthorId, String reason)
        implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
