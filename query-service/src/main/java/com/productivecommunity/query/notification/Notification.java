package com.productivecommunity.query.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification as its recipient reads it. {@code contributionId} is the recipient's contribution it is about
 * (null when an outcome credits nothing the read model holds), {@code threadId} the thread to open (an answer's
 * question), {@code outcomeId} the outcome of a CREDITED one; {@code text} says it in a sentence.
 */
record Notification(UUID notificationId, NotificationKind kind, UUID communityId, String communityName,
                    UUID contributionId, UUID threadId, UUID outcomeId, String actorId, String text,
                    Instant createdAt, boolean read, Instant readAt) {
}
