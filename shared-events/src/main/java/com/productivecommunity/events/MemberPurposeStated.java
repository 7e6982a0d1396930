package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/** A member stated (or restated) what they personally want out of the community. */
@SchemaVersion(1)
public record MemberPurposeStated(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                                  String purpose) implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
