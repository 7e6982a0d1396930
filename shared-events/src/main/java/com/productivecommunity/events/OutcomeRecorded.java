package com.productivecommunity.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A leader recorded a benefit the organization got from the community, worth {@code value}, linked to
 * the contributions behind it. {@code contributorIds} are the distinct authors of those contributions.
 */
@SchemaVersion(1)
public record OutcomeRecorded(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                              UUID outcomeId, String description, BigDecimal value,
                              List<UUID> contributionIds, List<String> contributorIds) implements CommunityEvent {
    public OutcomeRecorded {
        contributionIds = List.copyOf(contributionIds);
        contributorIds = List.copyOf(contributorIds);
    }

    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
