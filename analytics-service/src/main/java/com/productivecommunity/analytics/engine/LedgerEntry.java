package com.productivecommunity.analytics.engine;

import com.productivecommunity.analytics.model.Signal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One point awarded under one model: who got it, for which signal, from which event. Exactly one of
 * {@code contribution}, {@code benefit} and {@code organizationBenefit} is non-zero.
 * {@code (model, eventId, memberId, signal)} identifies an entry: an event awards a signal to a member once.
 */
public record LedgerEntry(String model, UUID eventId, String eventType, Instant occurredAt, UUID communityId,
                          String memberId, Signal signal, BigDecimal contribution, BigDecimal benefit,
                          BigDecimal organizationBenefit, UUID contributionId) {

    public String reason() {
        return signal.description();
    }
}
