package com.productivecommunity.analytics.engine;

import java.math.BigDecimal;

/**
 * A community's totals under one model, kept incrementally: the sums of all its members' contribution
 * and benefit, its organization benefit, and how many members are active and benefit more than they put in.
 */
public record CommunityFigures(BigDecimal contribution, BigDecimal benefit, BigDecimal organizationBenefit,
                               int activeMembers, int membersBenefitingMore) {

    public static final CommunityFigures ZERO =
            new CommunityFigures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

    /** A community's figures from its members' figures (the active ones count) and its organization benefit. */
    public static CommunityFigures of(java.util.Collection<MemberFigures> members, BigDecimal organizationBenefit) {
        CommunityFigures figures = new CommunityFigures(BigDecimal.ZERO, BigDecimal.ZERO, organizationBenefit, 0, 0);
        for (MemberFigures member : members) {
            figures = figures.withMemberChange(MemberFigures.ZERO, member);
        }
        return figures;
    }

    /** These figures after one of the community's members changed from {@code before} to {@code after}. */
    public CommunityFigures withMemberChange(MemberFigures before, MemberFigures after) {
        return new CommunityFigures(
                contribution.add(after.contribution()).subtract(before.contribution()),
                benefit.add(after.benefit()).subtract(before.benefit()),
                organizationBenefit,
                activeMembers + flag(after.active()) - flag(before.active()),
                membersBenefitingMore + flag(after.benefitingMore()) - flag(before.benefitingMore()));
    }

    public CommunityFigures withOrganizationBenefit(BigDecimal value) {
        return new CommunityFigures(contribution, benefit, organizationBenefit.add(value), activeMembers,
                membersBenefitingMore);
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }
}
