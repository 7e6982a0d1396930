package com.productivecommunity.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The directory now places a member of the community in other {@code segments} than the community last
 * recorded (normalised by {@link Segments}; may be empty). Recorded by the community the next time the member
 * acts on it (states a purpose, records an outcome), just before that act; a joining member's segments are in
 * {@link MemberJoined} itself.
 */
@SchemaVersion(1)
public record MemberSegmentsChanged(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                                    List<String> segments) implements CommunityEvent {

    public MemberSegmentsChanged {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
