package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A member posted a contribution. {@code title} is null only for an ANSWER; {@code inReplyTo} and
 * {@code inReplyToAuthorId} name the question an ANSWER replies to and are null for other kinds.
 */
@SchemaVersion(1)
public record ContributionPosted(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                                 UUID contributionId, ContributionKind kind, String title, String body,
                                 UUID inReplyTo, String inReplyToAuthorId) implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
