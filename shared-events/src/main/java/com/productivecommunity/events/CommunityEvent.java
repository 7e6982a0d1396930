package com.productivecommunity.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that happened in a community. Every event names itself, its community, the member who
 * acted and when it happened, so a consumer needs nothing else to place it.
 */
public sealed interface CommunityEvent permits
        CommunityFounded, CommunityPurposeStated, MemberJoined, MemberLeft, MemberPurposeStated,
        ContributionPosted, ReactionGiven, ContributionViewed, AnswerAccepted, OutcomeRecorded, MemberSegmentsChanged,
        LeaderNamed, LeaderRemoved, MemberRemoved, ContributionEdited, ContributionRetracted, ContributionHidden {

    UUID eventId();

    UUID communityId();

    /** The member who acted: always the authenticated member who sent the command. */
    String actorId();

    Instant occurredAt();

    /** Hands this event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per event type: a consumer that implements it decides what every type means to it, and a new
     * event type fails the build of every consumer until it does (Java 17 has no exhaustive switch over a
     * sealed interface). There is deliberately no adapter with empty defaults — "nothing to do" is written out.
     */
    interface Visitor<R> {
        R on(CommunityFounded event);

        R on(CommunityPurposeStated event);

        R on(MemberJoined event);

        R on(MemberLeft event);

        R on(MemberPurposeStated event);

        R on(ContributionPosted event);

        R on(ReactionGiven event);

        R on(ContributionViewed event);

        R on(AnswerAccepted event);

        R on(OutcomeRecorded event);

        R on(MemberSegmentsChanged event);

        R on(LeaderNamed event);

        R on(LeaderRemoved event);

        R on(MemberRemoved event);

        R on(ContributionEdited event);

        R on(ContributionRetracted event);

        R on(ContributionHidden event);
    }
}
