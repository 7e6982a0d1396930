package com.productivecommunity.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The productive verdict: organization benefit above 0 and at least the threshold share benefiting more. */
class VerdictTest {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private static CommunityFigures figures(String organizationBenefit, int active, int benefitingMore) {
        return new CommunityFigures(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(organizationBenefit), active,
                benefitingMore);
    }

    @Test
    void exactlyHalfBenefitingMoreIsProductive() {
        Verdict verdict = Verdict.of(figures("1", 4, 2), HALF);
        assertThat(verdict.productive()).isTrue();
        assertThat(verdict.shareBenefitingMore()).isEqualTo(new BigDecimal("0.5"));
    }

    @Test
    void justUnderHalfBenefitingMoreIsNotProductive() {
        Verdict verdict = Verdict.of(figures("100", 5, 2), HALF);
        assertThat(verdict.productive()).isFalse();
        assertThat(verdict.shareBenefitingMore()).isEqualTo(new BigDecimal("0.4"));
    }

    @Test
    void justOverHalfIsProductive() {
        assertThat(Verdict.of(figures("0.01", 3, 2), HALF).productive()).isTrue();
    }

    @Test
    void zeroOrganizationBenefitIsNeverProductive() {
        Verdict verdict = Verdict.of(figures("0", 2, 2), HALF);
        assertThat(verdict.productive()).isFalse();
        assertThat(verdict.shareBenefitingMore()).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void noActiveMemberMeansShareZeroAndNotProductive() {
        Verdict verdict = Verdict.of(figures("12", 0, 0), HALF);
        assertThat(verdict.shareBenefitingMore()).isEqualTo(BigDecimal.ZERO);
        assertThat(verdict.productive()).isFalse();
    }

    @Test
    void thresholdIsTheModelsParameter() {
        assertThat(Verdict.of(figures("1", 4, 3), new BigDecimal("0.8")).productive()).isFalse();
        assertThat(Verdict.of(figures("1", 5, 4), new BigDecimal("0.8")).productive()).isTrue();
    }

    @Test
    void shareOfThirdsIsADecimal64Quotient() {
        assertThat(Verdict.of(figures("1", 3, 1), HALF).shareBenefitingMore())
                .isEqualTo(new BigDecimal("0.3333333333333333"));
    }

    @Test
    void verdictFollowsFiguresAcrossTheThresholdInAReplay() {
        Events e = new Events();
        Replay replay = new Replay();
        var question = e.posted("alice", com.productivecommunity.events.ContributionKind.QUESTION);
        var answer = e.answer("bob", question);
        replay.apply(question, answer, e.outcome("carol", "5", answer));
        // alice 1/2 benefits more, bob 3/2 does not: share 0.5 → productive
        assertThat(replay.verdict(e.communityId).productive()).isTrue();
        replay.apply(e.posted("frank", com.productivecommunity.events.ContributionKind.IDEA));
        // frank 2/0: one of three benefits more → not productive
        assertThat(replay.verdict(e.communityId).shareBenefitingMore()).isEqualTo(new BigDecimal("0.3333333333333333"));
        assertThat(replay.verdict(e.communityId).productive()).isFalse();
    }
}
