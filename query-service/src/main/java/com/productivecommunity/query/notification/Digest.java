package com.productivecommunity.query.notification;

import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A member's week (Monday {@code weekStart} through Sunday {@code weekEnd}, UTC): what they gave, what they got and
 * what the communities they belong to achieved.
 */
record Digest(String memberId, LocalDate weekStart, LocalDate weekEnd, Gave gave, Got got,
              List<CommunityWeek> communities) {

    /** True when the week holds nothing for this member: no digest is sent for it. */
    boolean hasNothing() {
        return gave.contributions().isEmpty() && gave.reactionsGiven().values().stream().allMatch(n -> n == 0)
                && got.reactionsReceived().values().stream().allMatch(n -> n == 0) && got.answers().isEmpty()
                && got.acceptedAnswers().isEmpty() && got.outcomes().isEmpty()
                && communities.stream().allMatch(c -> c.contributions() == 0 && c.outcomes().isEmpty()
                && c.newMembers().isEmpty());
    }

    /** Contributions posted and reactions given (by kind). */
    record Gave(List<Posted> contributions, Map<ContributionKind, Integer> byKind,
                Map<ReactionKind, Integer> reactionsGiven) {
    }

    /** Reactions received from others (by kind), answers to their questions, answers of theirs accepted, outcomes crediting them. */
    record Got(Map<ReactionKind, Integer> reactionsReceived, List<AnswerReceived> answers,
               List<AnswerAccepted> acceptedAnswers, List<OutcomeLine> outcomes) {
    }

    /** Per community the member belongs to: contributions posted by anyone, outcomes recorded, who joined. */
    record CommunityWeek(UUID communityId, String name, int contributions, List<OutcomeLine> outcomes,
                         List<String> newMembers) {
    }

    record Posted(UUID contributionId, UUID communityId, String communityName, ContributionKind kind, String title,
                  String questionTitle, Instant postedAt) {
    }

    record AnswerReceived(UUID answerId, UUID questionId, String questionTitle, String authorId, String communityName,
                          Instant postedAt) {
    }

    record AnswerAccepted(UUID answerId, UUID questionId, String questionTitle, String acceptedBy, Instant acceptedAt) {
    }

    record OutcomeLine(UUID outcomeId, UUID communityId, String communityName, String description, BigDecimal value,
                       String recordedBy, Instant recordedAt) {
    }
}
