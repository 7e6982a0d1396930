package com.productivecommunity.query.feed;

import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ReactionKind;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A contribution as feeds show it; {@code reactions} always has all three kinds. {@code questionTitle}: for an
 * answer, the title of the question it answers (null otherwise, and null when that question was retracted or
 * hidden); {@code outcomeCount}: how many recorded outcomes credit it. {@code editedAt}: when its author last
 * edited it (null if never; title and body are the current ones). {@code state}: {@code VISIBLE},
 * {@code RETRACTED} (by its author) or {@code HIDDEN} (by a leader, {@code hiddenReason} saying why); feeds and
 * search list only visible ones, a thread shows the others with a null title and a placeholder body.
 */
public record FeedItem(UUID contributionId, UUID communityId, String authorId, ContributionKind kind, String title,
                       String body, UUID inReplyTo, Instant postedAt, Map<ReactionKind, Integer> reactions,
                       int answerCount, String questionTitle, int outcomeCount, Instant editedAt, String state,
                       String hiddenReason) {

    public static final String VISIBLE = "VISIBLE";
    public static final String RETRACTED = "RETRACTED";
    public static final String HIDDEN = "HIDDEN";

    /** The body a withdrawn contribution shows instead of its text. */
    public static String placeholder(String state, String hiddenReason) {
        return RETRACTED.equals(state) ? "[retracted]" : "[hidden by a leader: " + hiddenReason + "]";
    }
}
