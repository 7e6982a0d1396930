package com.productivecommunity.analytics.engine;

import static com.productivecommunity.analytics.engine.Replay.d;
import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.analytics.model.Signal;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** docs/value-model.md's worked example, step by step, with exactly its figures. */
class WorkedExampleTest {

    private final Events e = new Events();
    private final Replay replay = new Replay();

    @Test
    void workedExampleGivesExactlyTheDocumentedFigures() {
        replay.apply(e.founded("carol"), e.joined("alice", "learn predictive maintenance"), e.joined("bob", null));
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        replay.apply(question);
        assertFigures("alice", "1", "0");

        ContributionPosted answer = e.answer("bob", question);
        replay.apply(answer);
        assertFigures("bob", "3", "0");
        assertFigures("alice", "1", "2");

        replay.apply(e.viewed("alice", answer));
        assertFigures("alice", "1", "2.2");

        replay.apply(e.reacted("alice", answer, ReactionKind.THANKS));
        assertFigures("alice", "1", "3.2");
        assertFigures("bob", "3", "1");

        replay.apply(e.reacted("bob", question, ReactionKind.LIKE));
        assertFigures("alice", "1", "3.7");

        replay.apply(e.accepted(question, answer));
        assertFigures("alice", "1", "8.7");
        assertFigures("bob", "3", "4");

        replay.apply(e.outcome("carol", "12", answer));
        assertFigures("alice", "1", "8.7");
        assertFigures("bob", "3", "6");
        assertThat(replay.member(e.communityId, "carol").active()).isFalse();

        assertThat(replay.member(e.communityId, "alice").balance()).isEqualByComparingTo("7.7");
        assertThat(replay.member(e.communityId, "bob").balance()).isEqualByComparingTo("3");
        CommunityFigures community = replay.community(e.communityId);
        assertThat(community.organizationBenefit()).isEqualByComparingTo("12");
        assertThat(community.activeMembers()).isEqualTo(2);
        assertThat(community.membersBenefitingMore()).isEqualTo(2);
        Verdict verdict = replay.verdict(e.communityId);
        assertThat(verdict.shareBenefitingMore()).isEqualByComparingTo("1.0");
        assertThat(verdict.productive()).isTrue();
        assertThat(Decimals.ratio(d("8.7"), d("1"))).isEqualTo(d("8.7"));
        assertThat(Decimals.ratio(d("6"), d("3"))).isEqualTo(d("2"));
    }

    @Test
    void everyFigureOfTheWorkedExampleIsTheSumOfItsLedger() {
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("bob", question);
        replay.apply(e.founded("carol"), e.joined("alice", "learn predictive maintenance"), e.joined("bob", null),
                question, answer, e.viewed("alice", answer), e.reacted("alice", answer, ReactionKind.THANKS),
                e.reacted("bob", question, ReactionKind.LIKE), e.accepted(question, answer),
                e.outcome("carol", "12", answer));

        assertThat(replay.ledgerOf(e.communityId, "alice")).extracting(LedgerEntry::signal, LedgerEntry::benefit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Signal.QUESTION_POSTED, BigDecimal.ZERO),
                        org.assertj.core.groups.Tuple.tuple(Signal.ANSWER_RECEIVED, d("2")),
                        org.assertj.core.groups.Tuple.tuple(Signal.CONTRIBUTION_VIEWED, d("0.2")),
                        org.assertj.core.groups.Tuple.tuple(Signal.THANKS_GIVEN, d("1")),
                        org.assertj.core.groups.Tuple.tuple(Signal.LIKE_RECEIVED, d("0.5")),
                        org.assertj.core.groups.Tuple.tuple(Signal.ANSWER_ACCEPTED_BY_QUESTION_AUTHOR, d("5")));
        assertThat(replay.ledgerOf(e.communityId, "bob")).extracting(LedgerEntry::signal)
                .containsExactly(Signal.ANSWER_POSTED, Signal.THANKS_RECEIVED,
                        Signal.ANSWER_ACCEPTED_FOR_ANSWER_AUTHOR, Signal.OUTCOME_LINKED_AUTHOR);
        assertThat(replay.ledgerOf(e.communityId, "carol")).singleElement().satisfies(entry -> {
            assertThat(entry.signal()).isEqualTo(Signal.OUTCOME_RECORDED);
            assertThat(entry.organizationBenefit()).isEqualByComparingTo("12");
            assertThat(entry.contribution().signum()).isZero();
            assertThat(entry.benefit().signum()).isZero();
        });
        assertThat(replay.ledger).noneMatch(entry -> entry.signal() == Signal.LIKE_GIVEN); // weight 0: no entry
    }

    private void assertFigures(String member, String contribution, String benefit) {
        MemberFigures figures = replay.member(e.communityId, member);
        assertThat(figures.contribution()).as(member + " contribution").isEqualByComparingTo(contribution);
        assertThat(figures.benefit()).as(member + " benefit").isEqualByComparingTo(benefit);
    }
}
