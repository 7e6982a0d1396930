package com.productivecommunity.query.feed;

import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ReactionKind;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A contribution as feeds show it; {@code reactions} always has all three kinds. {@code questionTitle}: for an
 * answer, the title of the question it answers (null otherwise); {@code outcomeCount}: how many recorded
 * outcomes credit it.
 */
public record FeedItem(UUID contributionId, UUID communityId, String authorId, ContributionKind kind, String title,
                       String body, UUID inReplyTo, Instant postedAt, Map<ReactionKind, Integer> reactions,
                       int answerCount, String questionTitle, int outcomeCount) {
}
