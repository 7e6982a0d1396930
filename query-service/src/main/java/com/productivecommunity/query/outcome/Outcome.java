package com.productivecommunity.query.outcome;

import com.productivecommunity.events.ContributionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An outcome as a community lists it, with the contributions it credits in the order the leader named them. */
record Outcome(UUID outcomeId, UUID communityId, String recordedBy, String description, BigDecimal value,
               Instant recordedAt, List<Credited> contributions) {

    /** A credited contribution: its kind, title (null for an answer), author, and an answer's question's title. */
    record Credited(UUID contributionId, ContributionKind kind, String title, String authorId, String questionTitle) {
    }
}
