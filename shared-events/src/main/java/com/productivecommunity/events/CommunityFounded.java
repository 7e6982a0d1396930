package com.productivecommunity.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member founded a community around a purpose; the founder is its first member and a leader, with their
 * {@code founderSegments} (as {@link MemberJoined#segments()}). {@code openToExternal}: partners and customers
 * may join it (they may join no other community).
 *
 * <p>Version 2 added {@code founderSegments} and {@code openToExternal}; {@link Upcasters#COMMUNITY_FOUNDED_V1}
 * reads a version 1 payload as a community of the staff only, founded by a member with no segments known.
 */
@SchemaVersion(2)
public record CommunityFounded(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                               String name, String purpose, List<String> founderSegments,
                               boolean openToExternal) implements CommunityEvent {

    public CommunityFounded {
        founderSegments = founderSegments == null ? List.of() : List.copyOf(founderSegments);
    }

    /** A staff-only community whose founder's segments are not known. */
    public CommunityFounded(UUID eventId, UUID communityId, String actorId, Instant occurredAt, String name,
                            String purpose) {
        this(eventId, communityId, actorId, occurredAt, name, purpose, List.of(), false);
    }

    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
