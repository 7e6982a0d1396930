package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A leader (the actor) removed {@code memberId} from the community, for {@code reason} (moderation). Like
 * {@link MemberLeft} for the removed member: they stop being a member (and a leader); they may join again.
 */
@SchemaVersion(1)
public record MemberRemoved(UUID eventId, UUID communityId, String actorId, Instant occurredAt, String memberId,
                            String reason) implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
