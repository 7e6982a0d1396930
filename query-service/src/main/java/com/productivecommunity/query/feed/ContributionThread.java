package com.productivecommunity.query.feed;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contribution with its answers (oldest first) and the accepted one, empty and null unless a question; and
 * the outcomes that credit it, oldest first.
 */
public record ContributionThread(@JsonUnwrapped FeedItem item, List<FeedItem> answers, UUID acceptedAnswerId,
                                 List<Outcome> outcomes) {

    /** An outcome a leader recorded naming this contribution. */
    public record Outcome(UUID outcomeId, String description, BigDecimal value, String recordedBy,
                          Instant recordedAt) {
    }
}
