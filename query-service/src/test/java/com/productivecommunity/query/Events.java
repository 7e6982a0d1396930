package com.productivecommunity.query;

import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Events as command-service emits them, each a millisecond after the previous one. */
public final class Events {

    private static final AtomicLong clock = new AtomicLong(Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli());

    private Events() {
    }

    public static Instant now() {
        return Instant.ofEpochMilli(clock.incrementAndGet());
    }

    public static CommunityFounded founded(UUID community, String founder, String name, String purpose) {
        return new CommunityFounded(UUID.randomUUID(), community, founder, now(), name, purpose);
    }

    public static CommunityPurposeStated purposeStated(UUID community, String leader, String purpose) {
        return new CommunityPurposeStated(UUID.randomUUID(), community, leader, now(), purpose);
    }

    public static MemberJoined joined(UUID community, String member, String purpose) {
        return new MemberJoined(UUID.randomUUID(), community, member, now(), purpose);
    }

    public static MemberLeft left(UUID community, String member) {
        return new MemberLeft(UUID.randomUUID(), community, member, now());
    }

    public static MemberPurposeStated memberPurpose(UUID community, String member, String purpose) {
        return new MemberPurposeStated(UUID.randomUUID(), community, member, now(), purpose);
    }

    public static ContributionPosted posted(UUID community, UUID contribution, String author, ContributionKind kind,
                                            String title) {
        return new ContributionPosted(UUID.randomUUID(), community, author, now(), contribution, kind, title,
                "body of " + title, null, null);
    }

    public static ContributionPosted answered(UUID community, UUID answer, String author, UUID question,
                                              String questionAuthor) {
        return new ContributionPosted(UUID.randomUUID(), community, author, now(), answer, ContributionKind.ANSWER,
                null, "an answer", question, questionAuthor);
    }

    public static ReactionGiven reacted(UUID community, UUID contribution, String member, String author,
                                        ReactionKind kind) {
        return new ReactionGiven(UUID.randomUUID(), community, member, now(), contribution, author, kind);
    }

    public static ContributionViewed viewed(UUID community, UUID contribution, String member, String author) {
        return new ContributionViewed(UUID.randomUUID(), community, member, now(), contribution, author);
    }

    public static AnswerAccepted accepted(UUID community, UUID question, String questionAuthor, UUID answer,
                                          String answerAuthor) {
        return new AnswerAccepted(UUID.randomUUID(), community, questionAuthor, now(), question, answer, answerAuthor);
    }

    public static OutcomeRecorded outcome(UUID community, String leader, BigDecimal value, List<UUID> contributions,
                                          List<String> contributors) {
        return new OutcomeRecorded(UUID.randomUUID(), community, leader, now(), UUID.randomUUID(), "outcome", value,
                contributions, contributors);
    }
}
