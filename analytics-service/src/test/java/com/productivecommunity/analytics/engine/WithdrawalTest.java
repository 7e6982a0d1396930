package com.productivecommunity.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.analytics.model.Signal;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.LeaderNamed;
import com.productivecommunity.events.MemberRemoved;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 (value-model.md, "Retracted and hidden contributions"): a withdrawal reverses what the posting earned,
 * once; what others did with the contribution stays; edits, leadership and removals earn nothing.
 */
class WithdrawalTest {

    private final Events e = new Events();
    private final Replay replay = new Replay();

    @Test
    void aRetractedQuestionLosesItsPostingPointsAndTheReversalIsExplained() {
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        var retracted = e.retracted(question);
        replay.apply(e.founded("carol"), question, retracted);

        assertThat(replay.member(e.communityId, "alice").contribution()).isEqualByComparingTo("0");
        List<LedgerEntry> entries = replay.ledgerOf(e.communityId, "alice");
        assertThat(entries).hasSize(2);
        LedgerEntry reversal = entries.get(1);
        assertThat(reversal.eventId()).isEqualTo(retracted.eventId());
        assertThat(reversal.eventType()).isEqualTo("ContributionRetracted");
        assertThat(reversal.signal()).isEqualTo(Signal.QUESTION_POSTED);
        assertThat(reversal.contribution()).isEqualByComparingTo("-1");
        assertThat(reversal.contributionId()).isEqualTo(question.contributionId());
        assertThat(reversal.reason()).startsWith("withdrawn (retracted or hidden): ");
        assertThat(replay.community(e.communityId).activeMembers()).isZero();
    }

    @Test
    void aHiddenAnswerLosesItsPostingPointsAndTheQuestionAuthorsBenefitButWhatOthersDidStays() {
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("bob", question);
        replay.apply(question, answer, e.viewed("alice", answer), e.reacted("alice", answer, ReactionKind.THANKS),
                e.accepted(question, answer), e.hidden("carol", answer));

        // bob: 3 for answering, withdrawn; 1 for the thanks and 3 for the acceptance stay
        assertThat(replay.member(e.communityId, "bob").contribution()).isEqualByComparingTo("0");
        assertThat(replay.member(e.communityId, "bob").benefit()).isEqualByComparingTo("4");
        // alice: 1 for asking; 2 for receiving the answer, withdrawn; 0.2 view, 1 thanks, 5 solved stay
        assertThat(replay.member(e.communityId, "alice").contribution()).isEqualByComparingTo("1");
        assertThat(replay.member(e.communityId, "alice").benefit()).isEqualByComparingTo("6.2");
        assertThat(replay.member(e.communityId, "carol").contribution()).isEqualByComparingTo("0");
        assertThat(replay.ledgerOf(e.communityId, "carol")).isEmpty();
    }

    @Test
    void aContributionIsWithdrawnOnceWhateverFollows() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        var retracted = e.retracted(post);
        replay.apply(post, retracted, retracted, e.hidden("carol", post), e.retracted(post));
        assertThat(replay.member(e.communityId, "alice").contribution()).isEqualByComparingTo("0");
        assertThat(replay.ledgerOf(e.communityId, "alice")).hasSize(2);
    }

    @Test
    void withdrawingAContributionNeverPostedChangesNothing() {
        ContributionPosted unknown = e.posted("alice", ContributionKind.IDEA); // not applied
        replay.apply(e.retracted(unknown), e.hidden("carol", unknown));
        assertThat(replay.ledger).isEmpty();
    }

    @Test
    void editsLeadershipAndRemovalsEarnNothing() {
        ContributionPosted idea = e.posted("alice", ContributionKind.IDEA);
        replay.apply(idea, e.edited(idea), e.edited(idea),
                new LeaderNamed(UUID.randomUUID(), e.communityId, "carol", idea.occurredAt(), "alice",
                        LeaderNamed.Reason.NAMED),
                new MemberRemoved(UUID.randomUUID(), e.communityId, "carol", idea.occurredAt(), "alice", "spam"));
        assertThat(replay.ledger).hasSize(1);
        assertThat(replay.member(e.communityId, "alice").contribution()).isEqualByComparingTo("2");
    }

    @Test
    void underEveryVersionTheReversalIsWhatThatVersionAwarded() {
        ValueModel heavy = new ValueModel("heavy", "answers weigh 7", Map.of(Signal.ANSWER_POSTED, new BigDecimal("7"),
                Signal.ANSWER_RECEIVED, new BigDecimal("0.5")), new BigDecimal("0.5"));
        Replay both = new Replay(List.of(Replay.V1, heavy));
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("bob", question);
        var retracted = e.retracted(answer);
        both.apply(question, answer, retracted);
        List<LedgerEntry> reversals = both.ledger.stream().filter(x -> x.eventId().equals(retracted.eventId())).toList();
        assertThat(reversals).extracting(x -> x.model() + " " + x.memberId() + " " + x.signal() + " "
                        + x.contribution().add(x.benefit()).stripTrailingZeros().toPlainString())
                .containsExactly("v1 bob ANSWER_POSTED -3", "v1 alice ANSWER_RECEIVED -2",
                        "heavy bob ANSWER_POSTED -7", "heavy alice ANSWER_RECEIVED -0.5");
        assertThat(both.tally.member(new Tally.MemberKey("heavy", e.communityId, "bob")).contribution())
                .isEqualByComparingTo("0");
    }
}
