package com.productivecommunity.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.analytics.model.Signal;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per row of docs/value-model.md's signal table, under v1. */
class SignalTest {

    private final Events e = new Events();
    private final Replay replay = new Replay();

    @Test
    void questionPostedIsOneContribution() {
        replay.apply(e.posted("alice", ContributionKind.QUESTION));
        assertFigures("alice", "1", "0");
    }

    @Test
    void answerPostedIsThreeContributionAndTwoBenefitToTheQuestionAuthor() {
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        replay.apply(question, e.answer("bob", question));
        assertFigures("bob", "3", "0");
        assertFigures("alice", "1", "2");
    }

    @Test
    void postPostedIsTwoContribution() {
        replay.apply(e.posted("alice", ContributionKind.POST));
        assertFigures("alice", "2", "0");
    }

    @Test
    void ideaPostedIsTwoContribution() {
        replay.apply(e.posted("alice", ContributionKind.IDEA));
        assertFigures("alice", "2", "0");
    }

    @Test
    void firstViewIsBenefitToTheViewerOnly() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        replay.apply(post, e.viewed("bob", post));
        assertFigures("bob", "0", "0.2");
        assertFigures("alice", "2", "0");
    }

    @Test
    void likeIsHalfABenefitToTheAuthorAndNothingToTheGiver() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        replay.apply(post, e.reacted("bob", post, ReactionKind.LIKE));
        assertFigures("alice", "2", "0.5");
        assertFigures("bob", "0", "0");
        assertThat(replay.ledgerOf(e.communityId, "bob")).isEmpty();
    }

    @Test
    void thanksIsOneBenefitToTheGiverAndOneToTheAuthor() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        replay.apply(post, e.reacted("bob", post, ReactionKind.THANKS));
        assertFigures("alice", "2", "1");
        assertFigures("bob", "0", "1");
    }

    @Test
    void usefulIsOneBenefitToTheGiverAndHalfToTheAuthor() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        replay.apply(post, e.reacted("bob", post, ReactionKind.USEFUL));
        assertFigures("alice", "2", "0.5");
        assertFigures("bob", "0", "1");
    }

    @Test
    void acceptedAnswerIsFiveToTheQuestionAuthorAndThreeToTheAnswerAuthor() {
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("bob", question);
        replay.apply(question, answer, e.accepted(question, answer));
        assertFigures("alice", "1", "7");
        assertFigures("bob", "3", "3");
    }

    @Test
    void outcomeIsOrganizationBenefitAndTwoToEachDistinctLinkedAuthor() {
        ContributionPosted first = e.posted("alice", ContributionKind.IDEA);
        ContributionPosted second = e.posted("alice", ContributionKind.POST);
        ContributionPosted third = e.posted("bob", ContributionKind.POST);
        replay.apply(first, second, third, e.outcome("carol", "12.5", first, second, third));
        assertFigures("alice", "4", "2");
        assertFigures("bob", "2", "2");
        assertFigures("carol", "0", "0");
        assertThat(replay.community(e.communityId).organizationBenefit()).isEqualByComparingTo("12.5");
    }

    @Test
    void outcomeWithoutLinkedContributionsIsOnlyOrganizationBenefit() {
        replay.apply(e.outcome("carol", "3"));
        assertThat(replay.community(e.communityId).organizationBenefit()).isEqualByComparingTo("3");
        assertThat(replay.community(e.communityId).activeMembers()).isZero();
    }

    @Test
    void membershipEventsAwardNothing() {
        replay.apply(e.founded("carol"), e.joined("alice", "learn"), e.left("alice"));
        assertThat(replay.ledger).isEmpty();
    }

    @Test
    void anotherModelVersionWeighsTheSameEventsDifferentlyWithoutNewCode() {
        Map<Signal, BigDecimal> weights = new java.util.EnumMap<>(Replay.V1.weights());
        weights.put(Signal.QUESTION_POSTED, new BigDecimal("1.5"));
        weights.put(Signal.LIKE_GIVEN, new BigDecimal("0.1"));
        ValueModel v2 = new ValueModel("v2", "test", weights, new BigDecimal("0.75"));
        Replay both = new Replay(List.of(Replay.V1, v2));
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        both.apply(question, e.reacted("bob", question, ReactionKind.LIKE));

        Tally.MemberKey aliceV2 = new Tally.MemberKey("v2", e.communityId, "alice");
        assertThat(both.tally.member(aliceV2).contribution()).isEqualByComparingTo("1.5");
        assertThat(both.member(e.communityId, "alice").contribution()).isEqualByComparingTo("1");
        assertThat(both.tally.member(new Tally.MemberKey("v2", e.communityId, "bob")).benefit())
                .isEqualByComparingTo("0.1");
        assertThat(both.member(e.communityId, "bob").active()).isFalse();
    }

    private void assertFigures(String member, String contribution, String benefit) {
        MemberFigures figures = replay.member(e.communityId, member);
        assertThat(figures.contribution()).as(member + " contribution").isEqualByComparingTo(contribution);
        assertThat(figures.benefit()).as(member + " benefit").isEqualByComparingTo(benefit);
    }
}
