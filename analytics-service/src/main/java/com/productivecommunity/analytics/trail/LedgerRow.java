package com.productivecommunity.analytics.trail;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One {@code ledger_entry} row as the trail and the exports read it; {@code id} is the order of application. */
public record LedgerRow(long id, UUID eventId, String eventType, Instant occurredAt, String memberId, String signal,
                        BigDecimal contribution, BigDecimal benefit, BigDecimal organizationBenefit, String reason,
                        UUID contributionId) {
}
