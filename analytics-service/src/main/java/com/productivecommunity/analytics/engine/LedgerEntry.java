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

    /** The signal's description; a negative entry (weights are never negative) reverses one, see ValueEngine. */
    public String reason() {
        boolean reversal = contribution.signum() < 0 || benefit.signum() < 0 || organizationBenefit.signum() < 0;
        return reversal ? "withdrawn (retracted or hidden): " + signal.description() : signal.description();
    }
}
