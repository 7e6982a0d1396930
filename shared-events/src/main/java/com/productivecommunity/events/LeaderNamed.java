package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of the community became one of its leaders. {@code reason} says how: {@link Reason#NAMED} by a leader
 * (the actor), or {@link Reason#SUCCESSION} when the community would otherwise have had no leader — its last
 * leader left or was removed (the actor is the member who left or the leader who removed), or a member joined a
 * community nobody belonged to (the actor is that member, who is also {@code memberId}).
 */
@SchemaVersion(1)
public record LeaderNamed(UUID eventId, UUID communityId, String actorId, Instant occurredAt, String memberId,
                          Reason reason) implements CommunityEvent {

    /** How a member became a leader. */
    public enum Reason { NAMED, SUCCESSION }

    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
