package com.productivecommunity.analytics.trail;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.Decimals;
import com.productivecommunity.analytics.engine.Verdict;
import java.math.BigDecimal;
import java.util.List;

/**
 * The community figures of the summary read ({@code GET /api/analytics/communities/{id}}), as the trail follows
 * them: the same names, the same exact decimals, the verdict as {@code productive}.
 */
public record CommunityFigureValues(BigDecimal organizationBenefit, int activeMembers, int membersBenefitingMore,
                                    BigDecimal shareBenefitingMore, boolean productive) {

    /** The figures the trail follows, in the order their changes are listed. */
    public static final List<String> NAMES = List.of("organizationBenefit", "activeMembers", "membersBenefitingMore",
            "shareBenefitingMore", "productive");

    public static CommunityFigureValues of(CommunityFigures figures, BigDecimal threshold) {
        Verdict verdict = Verdict.of(figures, threshold);
        return new CommunityFigureValues(Decimals.exact(figures.organizationBenefit()), figures.activeMembers(),
                figures.membersBenefitingMore(), verdict.shareBenefitingMore(), verdict.productive());
    }

    Object value(String name) {
        return switch (name) {
            case "organizationBenefit" -> organizationBenefit;
            case "activeMembers" -> activeMembers;
            case "membersBenefitingMore" -> membersBenefitingMore;
            case "shareBenefitingMore" -> shareBenefitingMore;
            case "productive" -> productive;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Decimals compared by value (1 and 1.0 are the same figure), the rest by equality. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }
}
