package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that happened in a community. Every event names itself, its community, the member who
 * acted and when it happened, so a consumer needs nothing else to place it.
 */
public sealed interface CommunityEvent permits
        CommunityFounded, CommunityPurposeStated, MemberJoined, MemberLeft, MemberPurposeStated,
        ContributionPosted, ReactionGiven, ContributionViewed, AnswerAccepted, OutcomeRecorded {

    UUID eventId();

    UUID communityId();

    /** The member who acted: always the authenticated member who sent the command. */
    String actorId();

    Instant occurredAt();
}
