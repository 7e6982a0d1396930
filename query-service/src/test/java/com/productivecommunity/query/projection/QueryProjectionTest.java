package com.productivecommunity.query.projection;

import static com.productivecommunity.query.Events.accepted;
import static com.productivecommunity.query.Events.answered;
import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.joined;
import static com.productivecommunity.query.Events.left;
import static com.productivecommunity.query.Events.memberPurpose;
import static com.productivecommunity.query.Events.outcome;
import static com.productivecommunity.query.Events.posted;
import static com.productivecommunity.query.Events.purposeStated;
import static com.productivecommunity.query.Events.reacted;
import static com.productivecommunity.query.Events.viewed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.query.community.CommunityDetail;
import com.productivecommunity.query.community.CommunityDetail.MemberPurpose;
import com.productivecommunity.query.community.CommunityReads;
import com.productivecommunity.query.community.CommunitySummary;
import com.productivecommunity.query.feed.ContributionThread;
import com.productivecommunity.query.feed.FeedItem;
import com.productivecommunity.query.feed.FeedReads;
import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.TestEventPublisher;
import com.productivecommunity.support.testing.TestDatabases;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import com.productivecommunity.support.security.Member;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The projection as a plain object on the real test database: apply events, read what employees would see. */
class QueryProjectionTest {

    private static final Member STAFF = new Member("alice", Set.of(), Set.of("employee"));

    private static final String URL = TestDatabases.url("query_projection");
    private static final EventCodec codec = new EventCodec();

    private static QueryProjection projection;
    private static CommunityReads communities;
    private static FeedReads feeds;
    private static final List<Object> published = new ArrayList<>();

    private final UUID community = UUID.randomUUID();

    @BeforeAll
    static void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(URL, "postgres", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/projection-support")
                .load().migrate();
        projection = new QueryProjection(new JdbcTemplate(dataSource), published::add);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
        communities = new CommunityReads(named);
        feeds = new FeedReads(named);
    }

    @Test
    void communityFoundedMakesTheFounderItsFirstMemberAndLeader() {
        apply(founded(community, "carol", "Maintenance Excellence", "reduce unplanned downtime on line 3"));

        CommunityDetail detail = communities.detail(community).orElseThrow();
        assertThat(detail.name()).isEqualTo("Maintenance Excellence");
        assertThat(detail.purpose()).isEqualTo("reduce unplanned downtime on line 3");
        assertThat(detail.leaders()).containsExactly("carol");
        assertThat(detail.members()).containsExactly(new MemberPurpose("carol", null, List.of()));
        assertThat(summary().memberCount()).isEqualTo(1);
    }

    @Test
    void communityPurposeStatedReplacesThePurpose() {
        apply(founded(community, "carol", "Maintenance", "old"), purposeStated(community, "carol", "new purpose"));

        assertThat(communities.detail(community).orElseThrow().purpose()).isEqualTo("new purpose");
        assertThat(summary().purpose()).isEqualTo("new purpose");
    }

    @Test
    void memberJoinedAddsAMemberWithTheirPurposeAndCountsThem() {
        apply(founded(community, "carol", "Maintenance", "uptime"),
                joined(community, "alice", "learn predictive maintenance"), joined(community, "bob", null));

        assertThat(communities.detail(community).orElseThrow().members()).containsExactly(
                new MemberPurpose("carol", null, List.of()),
                new MemberPurpose("alice", "learn predictive maintenance", List.of()),
                new MemberPurpose("bob", null, List.of()));
        assertThat(communities.detail(community).orElseThrow().leaders()).containsExactly("carol");
        assertThat(summary().memberCount()).isEqualTo(3);
    }

    @Test
    void memberLeftRemovesTheMemberAndTheirLeadership() {
        apply(founded(community, "carol", "Maintenance", "uptime"), joined(community, "alice", null),
                left(community, "carol"));

        CommunityDetail detail = communities.detail(community).orElseThrow();
        assertThat(detail.members()).extracting(MemberPurpose::memberId).containsExactly("alice");
        assertThat(detail.leaders()).isEmpty();
        assertThat(summary().memberCount()).isEqualTo(1);
    }

    @Test
    void aMemberWhoLeftAndJoinedAgainInOneBatchIsAMember() {
        apply(founded(community, "carol", "Maintenance", "uptime"), joined(community, "alice", "first"),
                left(community, "alice"), joined(community, "alice", "second"));

        assertThat(communities.detail(community).orElseThrow().members())
                .contains(new MemberPurpose("alice", "second", List.of()));
        assertThat(summary().memberCount()).isEqualTo(2);
    }

    @Test
    void memberPurposeStatedReplacesThatMembersPurpose() {
        apply(founded(community, "carol", "Maintenance", "uptime"), joined(community, "alice", null),
                memberPurpose(community, "alice", "learn predictive maintenance"));

        assertThat(communities.detail(community).orElseThrow().members())
                .contains(new MemberPurpose("alice", "learn predictive maintenance", List.of()));
    }

    @Test
    void contributionPostedAppearsInTheCommunityFeedNewestFirst() {
        UUID question = UUID.randomUUID();
        UUID idea = UUID.randomUUID();
        apply(founded(community, "carol", "Maintenance", "uptime"),
                posted(community, question, "alice", ContributionKind.QUESTION, "Why does line 3 stop?"),
                posted(community, idea, "carol", ContributionKind.IDEA, "Vibration checks"));

        List<FeedItem> items = feeds.communityFeed(community, null, 20).items();
        assertThat(items).extracting(FeedItem::contributionId).containsExactly(idea, question);
        FeedItem asked = items.get(1);
        assertThat(asked.authorId()).isEqualTo("alice");
        assertThat(asked.kind()).isEqualTo(ContributionKind.QUESTION);
        assertThat(asked.title()).isEqualTo("Why does line 3 stop?");
        assertThat(asked.body()).isEqualTo("body of Why does line 3 stop?");
        assertThat(asked.inReplyTo()).isNull();
        assertThat(asked.reactions()).isEqualTo(
                Map.of(ReactionKind.LIKE, 0, ReactionKind.THANKS, 0, ReactionKind.USEFUL, 0));
        assertThat(asked.answerCount()).isZero();
    }

    @Test
    void contributionsOfABatchKeepEveryCharacterAndTheirInstantAndAreWrittenOnce() {
        UUID question = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        String title = "NULL, {braces} \"quotes\" \\back\\slash é 😀";
        String body = "line one\n\tindented \"x\", {a,b}\nNULL\n\\N";
        java.time.Instant at = java.time.Instant.parse("2026-11-26T10:15:30.123456Z");
        com.productivecommunity.events.ContributionPosted asked = new com.productivecommunity.events.ContributionPosted(
                UUID.randomUUID(), community, "alice", at, question, ContributionKind.QUESTION, title, body, null, null);
        apply(founded(community, "carol", "Maintenance", "uptime"), asked,
                answered(community, answer, "bob", question, "alice"));
        apply(asked); // a second delivery of the same row changes nothing

        List<FeedItem> items = feeds.communityFeed(community, null, 20).items();
        assertThat(items).extracting(FeedItem::contributionId).containsExactlyInAnyOrder(question, answer);
        FeedItem stored = feeds.thread(question).orElseThrow().item();
        assertThat(stored.title()).isEqualTo(title);
        assertThat(stored.body()).isEqualTo(body);
        assertThat(stored.postedAt()).isEqualTo(at);
        assertThat(stored.inReplyTo()).isNull();
        assertThat(stored.answerCount()).isEqualTo(1);
        assertThat(feeds.thread(question).orElseThrow().answers().get(0).title()).isNull();
    }

    @Test
    void anAnswerIsInTheFeedInTheQuestionsThreadAndCounted() {
        UUID question = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        apply(founded(community, "carol", "Maintenance", "uptime"),
                posted(community, question, "alice", ContributionKind.QUESTION, "Why?"),
                answered(community, answer, "bob", question, "alice"));

        ContributionThread thread = feeds.thread(question).orElseThrow();
        assertThat(thread.item().answerCount()).isEqualTo(1);
        assertThat(thread.answers()).extracting(FeedItem::contributionId).containsExactly(answer);
        assertThat(thread.answers().get(0).inReplyTo()).isEqualTo(question);
        assertThat(thread.answers().get(0).answerCount()).isZero();
        assertThat(thread.answers().get(0).questionTitle()).isEqualTo("Why?");
        assertThat(thread.item().questionTitle()).isNull();
        assertThat(feeds.communityFeed(community, null, 20).items()).extracting(FeedItem::contributionId,
                FeedItem::questionTitle).containsExactly(tuple(answer, "Why?"), tuple(question, null));
    }

    @Test
    void reactionGivenCountsPerKindAcrossBatches() {
        UUID post = UUID.randomUUID();
        apply(founded(community, "carol", "Maintenance", "uptime"),
                posted(community, post, "carol", ContributionKind.POST, "Shift report"),
                reacted(community, post, "alice", "carol", ReactionKind.LIKE),
                reacted(community, post, "bob", "carol", ReactionKind.LIKE));
        apply(reacted(community, post, "alice", "carol", ReactionKind.USEFUL));

        assertThat(feeds.thread(post).orElseThrow().item().reactions()).isEqualTo(
                Map.of(ReactionKind.LIKE, 2, ReactionKind.THANKS, 0, ReactionKind.USEFUL, 1));
    }

    @Test
    void answerAcceptedMarksTheQuestionsAcceptedAnswer() {
        UUID question = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        apply(founded(community, "carol", "Maintenance", "uptime"),
                posted(community, question, "alice", ContributionKind.QUESTION, "Why?"),
                answered(community, answer, "bob", question, "alice"));
        assertThat(feeds.thread(question).orElseThrow().acceptedAnswerId()).isNull();

        apply(accepted(community, question, "alice", answer, "bob"));

        assertThat(feeds.thread(question).orElseThrow().acceptedAnswerId()).isEqualTo(answer);
    }

    @Test
    void contributionViewedChangesNothingShown() {
        UUID post = UUID.randomUUID();
        apply(founded(community, "carol", "Maintenance", "uptime"),
                posted(community, post, "carol", ContributionKind.POST, "Shift report"));
        ContributionThread before = feeds.thread(post).orElseThrow();
        List<CommunitySummary> communitiesBefore = communities.all(STAFF);

        apply(viewed(community, post, "alice", "carol"));

        assertThat(feeds.thread(post).orElseThrow()).isEqualTo(before);
        assertThat(communities.all(STAFF)).containsAll(communitiesBefore);
    }

    @Test
    void outcomeRecordedCreditsEachLinkedContributionOnceAndShowsOnItsThread() {
        UUID post = UUID.randomUUID();
        UUID idea = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        apply(founded(community, "carol", "Maintenance", "uptime"),
                posted(community, post, "alice", ContributionKind.POST, "Shift report"),
                posted(community, idea, "bob", ContributionKind.IDEA, "Vibration checks"),
                posted(community, untouched, "bob", ContributionKind.POST, "Unrelated"));
        OutcomeRecorded first = outcome(community, "carol", new BigDecimal("12.5"), List.of(post, idea),
                List.of("alice", "bob"));
        // the same contribution named twice by one outcome counts once
        OutcomeRecorded second = outcome(community, "carol", new BigDecimal("0.000001"), List.of(idea, idea),
                List.of("bob"));
        apply(first);
        apply(second);

        ContributionThread ideaThread = feeds.thread(idea).orElseThrow();
        assertThat(ideaThread.item().outcomeCount()).isEqualTo(2);
        assertThat(ideaThread.outcomes()).extracting(ContributionThread.Outcome::outcomeId)
                .containsExactly(first.outcomeId(), second.outcomeId());
        ContributionThread.Outcome credit = ideaThread.outcomes().get(0);
        assertThat(credit.description()).isEqualTo(first.description());
        assertThat(credit.value()).isEqualByComparingTo("12.5");
        assertThat(credit.recordedBy()).isEqualTo("carol");
        assertThat(credit.recordedAt()).isEqualTo(first.occurredAt());
        assertThat(ideaThread.outcomes().get(1).value()).isEqualByComparingTo("0.000001");
        assertThat(feeds.thread(post).orElseThrow().outcomes()).extracting(ContributionThread.Outcome::outcomeId)
                .containsExactly(first.outcomeId());
        assertThat(feeds.communityFeed(community, null, 20).items()).extracting(FeedItem::contributionId,
                FeedItem::outcomeCount).containsExactly(tuple(untouched, 0), tuple(idea, 2), tuple(post, 1));
        assertThat(feeds.thread(untouched).orElseThrow().outcomes()).isEmpty();
    }

    @Test
    void theHomeFeedHoldsTheContributionsOfTheCommunitiesTheMemberBelongsToNow() {
        UUID other = UUID.randomUUID();
        UUID left = UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        UUID here = UUID.randomUUID();
        UUID there = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        apply(founded(community, "carol", "A", "a"), founded(other, "bob", "B", "b"), founded(left, "frank", "C", "c"),
                joined(community, member, null), joined(other, member, null), joined(left, member, null),
                posted(community, here, "carol", ContributionKind.POST, "here"),
                posted(other, there, "bob", ContributionKind.IDEA, "there"),
                posted(left, gone, "frank", ContributionKind.POST, "gone"),
                left(left, member));

        assertThat(feeds.homeFeed(member, false, null, 20).items()).extracting(FeedItem::contributionId)
                .containsExactly(there, here);
    }

    @Test
    void afterCommitAnnouncesTheAppliedEvents() {
        List<ProjectedEvent> events = projected(founded(community, "carol", "Maintenance", "uptime"));
        projection.afterCommit(events);

        assertThat(published).contains(new EventsApplied(events));
    }

    private CommunitySummary summary() {
        return communities.all(STAFF).stream().filter(c -> c.communityId().equals(community)).findFirst().orElseThrow();
    }

    private static void apply(CommunityEvent... events) {
        projection.apply(projected(events));
    }

    private static List<ProjectedEvent> projected(CommunityEvent... events) {
        return Arrays.stream(events).map(event -> new ProjectedEvent(codec.envelope(event,
                        TestEventPublisher.aggregateType(event), TestEventPublisher.aggregateId(event), 0, 0), event, 0, 0))
                .toList();
    }
}
