package com.productivecommunity.support.projection;

import java.time.Instant;

/** What an operator did to a projection (retry, retry all, skip, rebuild), who, when, why, and the outcome. */
public record ProjectionAction(long id, String projection, String action, Long parkedId, String actor, String reason,
                               String outcome, Instant at) {
}
