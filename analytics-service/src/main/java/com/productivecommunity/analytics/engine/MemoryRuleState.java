package com.productivecommunity.analytics.engine;

import com.productivecommunity.events.ReactionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Rule state in memory. Holds everything for a replay in a test, or a batch's working set for the database
 * store, which loads the facts a batch can touch and then writes back what the batch {@linkplain #added() added}.
 */
public final class MemoryRuleState implements RuleState {

    public record View(UUID contributionId, String memberId) {
    }

    public record Reaction(UUID contributionId, String memberId, ReactionKind kind) {
    }

    /** The facts recorded since this state was created or loaded. */
    public record Added(List<ContributionFacts> contributions, List<View> views, List<Reaction> reactions,
                        List<UUID> solvedQuestions, List<UUID> acceptedAnswers, List<UUID> withdrawn) {
    }

    private final Map<UUID, ContributionFacts> contributions = new HashMap<>();
    private final Set<View> views = new HashSet<>();
    private final Set<Reaction> reactions = new HashSet<>();
    private final Set<UUID> solvedQuestions = new HashSet<>();
    private final Set<UUID> acceptedAnswers = new HashSet<>();
    private final Set<UUID> withdrawn = new HashSet<>();
    private final Added added = new Added(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
            new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

    public void loadContribution(ContributionFacts facts) {
        contributions.put(facts.contributionId(), facts);
    }

    public void loadView(View view) {
        views.add(view);
    }

    public void loadReaction(Reaction reaction) {
        reactions.add(reaction);
    }

    public void loadSolvedQuestion(UUID questionId) {
        solvedQuestions.add(questionId);
    }

    public void loadAcceptedAnswer(UUID answerId) {
        acceptedAnswers.add(answerId);
    }

    public void loadWithdrawn(UUID contributionId) {
        withdrawn.add(contributionId);
    }

    public Added added() {
        return added;
    }

    @Override
    public Optional<ContributionFacts> contribution(UUID contributionId) {
        return Optional.ofNullable(contributions.get(contributionId));
    }

    @Override
    public void contributionPosted(ContributionFacts facts) {
        if (contributions.putIfAbsent(facts.contributionId(), facts) == null) {
            added.contributions().add(facts);
        }
    }

    @Override
    public boolean markViewed(UUID contributionId, String memberId) {
        View view = new View(contributionId, memberId);
        return views.add(view) && added.views().add(view);
    }

    @Override
    public boolean markReacted(UUID contributionId, String memberId, ReactionKind kind) {
        Reaction reaction = new Reaction(contributionId, memberId, kind);
        return reactions.add(reaction) && added.reactions().add(reaction);
    }

    @Override
    public boolean markQuestionSolved(UUID questionId) {
        return solvedQuestions.add(questionId) && added.solvedQuestions().add(questionId);
    }

    @Override
    public boolean markAnswerAccepted(UUID answerId) {
        return acceptedAnswers.add(answerId) && added.acceptedAnswers().add(answerId);
    }

    @Override
    public boolean markWithdrawn(UUID contributionId) {
        return withdrawn.add(contributionId) && added.withdrawn().add(contributionId);
    }
}
