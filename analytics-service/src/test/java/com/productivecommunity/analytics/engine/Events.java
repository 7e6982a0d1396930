package com.productivecommunity.analytics.engine;

import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionRetracted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the events of one community, each a second after the previous one unless told otherwise. */
public final class Events {

    public final UUID communityId;
    private Instant clock;

    public Events(UUID communityId, Instant start) {
        this.communityId = communityId;
        this.clock = start;
    }

    public Events() {
        this(UUID.randomUUID(), Instant.parse("2026-11-26T09:00:00Z"));
    }

    public Events at(Instant instant) {
        clock = instant;
        return this;
    }

    private Instant tick() {
        clock = clock.plus(Duration.ofSeconds(1));
        return clock;
    }

    public CommunityFounded founded(String founder) {
        return new CommunityFounded(UUID.randomUUID(), communityId, founder, tick(), "Maintenance Excellence",
                "reduce unplanned downtime on line 3");
    }

    public MemberJoined joined(String member, String purpose) {
        return new MemberJoined(UUID.randomUUID(), communityId, member, tick(), purpose);
    }

    /** A member joined as the directory says they are (MemberJoined v2). */
    public MemberJoined joinedAs(String member, String... segments) {
        return new MemberJoined(UUID.randomUUID(), communityId, member, tick(), null, List.of(segments));
    }

    public MemberSegmentsChanged segmentsChanged(String member, String... segments) {
        return new MemberSegmentsChanged(UUID.randomUUID(), communityId, member, tick(), List.of(segments));
    }

    public MemberLeft left(String member) {
        return new MemberLeft(UUID.randomUUID(), communityId, member, tick());
    }

    public ContributionPosted posted(String author, ContributionKind kind) {
        return new ContributionPosted(UUID.randomUUID(), communityId, author, tick(), UUID.randomUUID(), kind,
                kind.name().toLowerCase() + " title", "body", null, null);
    }

    public ContributionPosted answer(String author, ContributionPosted question) {
        return new ContributionPosted(UUID.randomUUID(), communityId, author, tick(), UUID.randomUUID(),
                ContributionKind.ANSWER, null, "an answer", question.contributionId(), question.actorId());
    }

    public ContributionRetracted retracted(ContributionPosted contribution) {
        return new ContributionRetracted(UUID.randomUUID(), communityId, contribution.actorId(), tick(),
                contribution.contributionId());
    }

    public ContributionHidden hidden(String leader, ContributionPosted contribution) {
        return new ContributionHidden(UUID.randomUUID(), communityId, leader, tick(), contribution.contributionId(),
                contribution.actorId(), "off topic");
    }

    public ContributionEdited edited(ContributionPosted contribution) {
        return new ContributionEdited(UUID.randomUUID(), communityId, contribution.actorId(), tick(),
                contribution.contributionId(), contribution.title(), "an edited body");
    }

    public ContributionViewed viewed(String viewer, ContributionPosted contribution) {
        return new ContributionViewed(UUID.randomUUID(), communityId, viewer, tick(), contribution.contributionId(),
                contribution.actorId());
    }

    public ReactionGiven reacted(String giver, ContributionPosted contribution, ReactionKind kind) {
        return new ReactionGiven(UUID.randomUUID(), communityId, giver, tick(), contribution.contributionId(),
                contribution.actorId(), kind);
    }

    public AnswerAccepted accepted(ContributionPosted question, ContributionPosted answer) {
        return new AnswerAccepted(UUID.randomUUID(), communityId, question.actorId(), tick(),
                question.contributionId(), answer.contributionId(), answer.actorId());
    }

    public OutcomeRecorded outcome(String leader, String value, ContributionPosted... linked) {
        List<UUID> ids = java.util.Arrays.stream(linked).map(ContributionPosted::contributionId).toList();
        List<String> authors = java.util.Arrays.stream(linked).map(ContributionPosted::actorId).distinct().toList();
        return new OutcomeRecorded(UUID.randomUUID(), communityId, leader, tick(), UUID.randomUUID(),
                "vibration checks adopted, 12 hours of downtime avoided", new BigDecimal(value), ids, authors);
    }
}
