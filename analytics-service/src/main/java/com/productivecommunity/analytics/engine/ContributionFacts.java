package com.productivecommunity.analytics.engine;

import com.productivecommunity.events.ContributionKind;
import java.util.UUID;

/** What the rules need to remember about a contribution: where it is, who wrote it, what it is. */
public record ContributionFacts(UUID contributionId, UUID communityId, String authorId, ContributionKind kind,
                                UUID inReplyTo) {
}
