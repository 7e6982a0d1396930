package com.productivecommunity.query.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a contribution changed, oldest first: {@code POSTED} (the text as posted), then each {@code EDITED} (the
 * new title and body), {@code RETRACTED} (by its author) or {@code HIDDEN} (by a leader, with the reason).
 * {@code by} is the member who made the change, {@code sequence} the event's position in the contribution's
 * own stream (the audit log's export holds the same events).
 */
public record ContributionHistory(UUID contributionId, UUID communityId, String authorId, String state,
                                  List<Change> changes) {

    public record Change(long sequence, String change, String by, Instant at, String title, String body,
                         String reason) {
    }
}
