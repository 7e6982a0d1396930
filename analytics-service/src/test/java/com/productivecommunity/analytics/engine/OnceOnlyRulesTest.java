package com.productivecommunity.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules that need state: what counts once, and what counts nothing. */
class OnceOnlyRulesTest {

    private final Events e = new Events();
    private final Replay replay = new Replay();

    @Test
    void firstViewPerMemberAndContributionCountsOnce() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        replay.apply(post, e.viewed("bob", post), e.viewed("bob", post), e.viewed("bob", post));
        assertThat(replay.member(e.communityId, "bob").benefit()).isEqualByComparingTo("0.2");
        assertThat(replay.ledgerOf(e.communityId, "bob")).hasSize(1);
    }

    @Test
    void viewsOfDifferentContributionsOrByDifferentMembersEachCount() {
        ContributionPosted first = e.posted("alice", ContributionKind.POST);
        ContributionPosted second = e.posted("alice", ContributionKind.IDEA);
        replay.apply(first, second, e.viewed("bob", first), e.viewed("bob", second), e.viewed("carol", first));
        assertThat(replay.member(e.communityId, "bob").benefit()).isEqualByComparingTo("0.4");
        assertThat(replay.member(e.communityId, "carol").benefit()).isEqualByComparingTo("0.2");
    }

    @Test
    void viewingOnesOwnContributionCountsNothing() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        replay.apply(post, e.viewed("alice", post));
        assertThat(replay.member(e.communityId, "alice").benefit()).isEqualByComparingTo("0");
    }

    @Test
    void repeatedReactionOfTheSameKindCountsOnce() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        replay.apply(post, e.reacted("bob", post, ReactionKind.THANKS), e.reacted("bob", post, ReactionKind.THANKS));
        assertThat(replay.member(e.communityId, "alice").benefit()).isEqualByComparingTo("1");
        assertThat(replay.member(e.communityId, "bob").benefit()).isEqualByComparingTo("1");
    }

    @Test
    void reactionsOfDifferentKindsEachCount() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        replay.apply(post, e.reacted("bob", post, ReactionKind.LIKE), e.reacted("bob", post, ReactionKind.THANKS),
                e.reacted("bob", post, ReactionKind.USEFUL));
        assertThat(replay.member(e.communityId, "alice").benefit()).isEqualByComparingTo("2");
        assertThat(replay.member(e.communityId, "bob").benefit()).isEqualByComparingTo("2");
    }

    @Test
    void reactionOnOnesOwnContributionCountsNothing() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        replay.apply(post);
        for (ReactionKind kind : ReactionKind.values()) {
            replay.apply(e.reacted("alice", post, kind));
        }
        assertThat(replay.member(e.communityId, "alice").benefit()).isEqualByComparingTo("0");
        assertThat(replay.ledgerOf(e.communityId, "alice")).hasSize(1);
    }

    @Test
    void answeringOnesOwnQuestionEarnsTheQuestionAuthorNothing() {
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        replay.apply(question, e.answer("alice", question));
        assertThat(replay.member(e.communityId, "alice").contribution()).isEqualByComparingTo("4");
        assertThat(replay.member(e.communityId, "alice").benefit()).isEqualByComparingTo("0");
    }

    @Test
    void acceptingOnesOwnAnswerEarnsNothing() {
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("alice", question);
        replay.apply(question, answer, e.accepted(question, answer));
        assertThat(replay.member(e.communityId, "alice").benefit()).isEqualByComparingTo("0");
    }

    @Test
    void aQuestionIsSolvedOnceAndAnAnswerAcceptedOnce() {
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted first = e.answer("bob", question);
        ContributionPosted second = e.answer("carol", question);
        replay.apply(question, first, second, e.accepted(question, first), e.accepted(question, second),
                e.accepted(question, first));
        assertThat(replay.member(e.communityId, "alice").benefit()).isEqualByComparingTo("9"); // 2 + 2 + 5
        assertThat(replay.member(e.communityId, "bob").benefit()).isEqualByComparingTo("3");
        assertThat(replay.member(e.communityId, "carol").benefit()).isEqualByComparingTo("3");
    }

    @Test
    void theSameContributionPostedTwiceCountsOnce() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        ContributionPosted again = new ContributionPosted(UUID.randomUUID(), post.communityId(), "alice",
                post.occurredAt(), post.contributionId(), post.kind(), post.title(), post.body(), null, null);
        replay.apply(post, again);
        assertThat(replay.member(e.communityId, "alice").contribution()).isEqualByComparingTo("2");
    }

    @Test
    void authorMissingFromAnEventIsTakenFromTheRememberedContribution() {
        ContributionPosted post = e.posted("alice", ContributionKind.POST);
        ContributionViewed view = e.viewed("alice", post);
        ReactionGiven reaction = e.reacted("bob", post, ReactionKind.LIKE);
        replay.apply(post,
                new ContributionViewed(view.eventId(), view.communityId(), "alice", view.occurredAt(),
                        post.contributionId(), null),
                new ReactionGiven(reaction.eventId(), reaction.communityId(), "bob", reaction.occurredAt(),
                        post.contributionId(), null, ReactionKind.LIKE));
        assertThat(replay.member(e.communityId, "alice").benefit()).isEqualByComparingTo("0.5");
    }
}
