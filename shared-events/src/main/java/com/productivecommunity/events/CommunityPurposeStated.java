package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/** A leader stated (or restated) what the community is for, from the organization's side. */
@SchemaVersion(1)
public record CommunityPurposeStated(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                                     String purpose) implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
