package com.productivecommunity.analytics.trail;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event that changed at least one of the community's figures. {@code cursor} is the ledger id of the event's
 * last entry (keyset paging: {@code after=cursor}); {@code members} every member the event gave an entry;
 * {@code changes} every figure that changed, in {@link CommunityFigureValues#NAMES} order; {@code figures} the
 * community's figures after the event.
 */
public record TrailEvent(String cursor, UUID eventId, String eventType, Instant occurredAt, List<String> members,
                         List<Change> changes, boolean verdictFlipped, List<MemberChange> memberChanges,
                         CommunityFigureValues figures) {

    /** A figure's value before and after the event (numbers, or booleans for {@code productive}). */
    public record Change(String figure, Object before, Object after) {
    }

    /** A member's own figures before and after the event: why the counts of active and benefiting members moved. */
    public record MemberChange(String memberId, BigDecimal contributionBefore, BigDecimal contributionAfter,
                               BigDecimal benefitBefore, BigDecimal benefitAfter, boolean benefitingMoreBefore,
                               boolean benefitingMoreAfter) {
    }

    public boolean changed(String figure) {
        return changes.stream().anyMatch(change -> change.figure().equals(figure));
    }

    /** The same event with only the member changes the reader may see. */
    public TrailEvent withMemberChanges(List<MemberChange> visible) {
        return new TrailEvent(cursor, eventId, eventType, occurredAt, members, changes, verdictFlipped, visible,
                figures);
    }
}
