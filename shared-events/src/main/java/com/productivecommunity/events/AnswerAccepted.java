package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/** The author of a question (the actor) accepted an answer to it as the one that solved their problem. */
@SchemaVersion(1)
public record AnswerAccepted(UUID eventId, UUID communityId, String actorId, Instant occurredAt,
                             UUID questionId, UUID answerId, String answerAuthorId) implements CommunityEvent {
    @Override
    public <R> R accept(CommunityEvent.Visitor<R> visitor) {
        return visitor.on(this);
    }
}
