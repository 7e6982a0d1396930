package com.productivecommunity.analytics.engine;

import java.math.BigDecimal;

/** A member's totals in one community under one model: the sums of their ledger entries. */
public record MemberFigures(BigDecimal contribution, BigDecimal benefit) {

    public static final MemberFigures ZERO = new MemberFigures(BigDecimal.ZERO, BigDecimal.ZERO);

    /** Any contribution or benefit at all (weights are never negative, so non-zero means some entry). */
    public boolean active() {
        return contribution.signum() != 0 || benefit.signum() != 0;
    }

    public boolean benefitingMore() {
        return benefit.compareTo(contribution) > 0;
    }

    public BigDecimal balance() {
        return benefit.subtract(contribution);
    }

    public MemberFigures plus(BigDecimal contribution, BigDecimal benefit) {
        return new MemberFigures(this.contribution.add(contribution), this.benefit.add(benefit));
    }

    MemberFigures plus(LedgerEntry entry) {
        return new MemberFigures(contribution.add(entry.contribution()), benefit.add(entry.benefit()));
    }
}
