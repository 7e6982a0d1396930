package com.productivecommunity.analytics.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Whether a community is productive under a model: organization benefit above 0 and at least the model's
 * threshold share of active members benefiting more than they contribute. With no active member the share
 * is 0.
 */
public record Verdict(BigDecimal shareBenefitingMore, boolean productive) {

    public static Verdict of(CommunityFigures figures, BigDecimal threshold) {
        int active = figures.activeMembers();
        BigDecimal share = active == 0 ? BigDecimal.ZERO
                : Decimals.exact(BigDecimal.valueOf(figures.membersBenefitingMore())
                        .divide(BigDecimal.valueOf(active), MathContext.DECIMAL64));
        // Compared without division, so a rounded share can never tip the verdict.
        boolean enoughBenefitMore = active > 0 && BigDecimal.valueOf(figures.membersBenefitingMore())
                .compareTo(threshold.multiply(BigDecimal.valueOf(active))) >= 0;
        return new Verdict(share, figures.organizationBenefit().signum() > 0 && enoughBenefitMore);
    }
}
