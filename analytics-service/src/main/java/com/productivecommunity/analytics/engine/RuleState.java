package com.productivecommunity.analytics.engine;

import com.productivecommunity.events.ReactionKind;
import java.util.Optional;
import java.util.UUID;

/**
 * The state the once-only rules need. The {@code mark…} methods record a fact and answer whether it is
 * new, so a repeated view, reaction or acceptance awards nothing even if a producer emits it twice.
 */
public interface RuleState {

    Optional<ContributionFacts> contribution(UUID contributionId);

    void contributionPosted(ContributionFacts facts);

    /** Records that {@code memberId} viewed the contribution; true the first time only. */
    boolean markViewed(UUID contributionId, String memberId);

    /** Records a reaction of that kind by that member on that contribution; true the first time only. */
    boolean markReacted(UUID contributionId, String memberId, ReactionKind kind);

    /** Records that the question got an accepted answer; true the first time only. */
    boolean markQuestionSolved(UUID questionId);

    /** Records that the answer was accepted; true the first time only. */
    boolean markAnswerAccepted(UUID answerId);

    /** Records that the contribution was withdrawn (retracted or hidden); true the first time only. */
    boolean markWithdrawn(UUID contributionId);
}
