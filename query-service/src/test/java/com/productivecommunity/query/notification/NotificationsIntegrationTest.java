package com.productivecommunity.query.notification;

import static com.productivecommunity.query.Events.accepted;
import static com.productivecommunity.query.Events.answered;
import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.joined;
import static com.productivecommunity.query.Events.now;
import static com.productivecommunity.query.Events.posted;
import static com.productivecommunity.query.Events.reacted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.query.QueryIntegrationTest;
import com.productivecommunity.query.SseClient;
import com.productivecommunity.query.projection.QueryProjection;
import com.productivecommunity.support.projection.ProjectedEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications as the projection writes them (one test per kind, self-caused ones left out, re-application
 * without effect) and as members read them over HTTP: only their own, paged, marked read, live, and the digest.
 * Every test uses members of a community of its own and reads only notifications of that community's events:
 * the shared context's other tests notify the same demo members.
 */
class NotificationsIntegrationTest extends QueryIntegrationTest {

    private static final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    QueryProjection projection;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DigestJob job;

    private final UUID community = UUID.randomUUID();
    private final UUID question = UUID.randomUUID();
    private final UUID answer = UUID.randomUUID();

    /** carol founded the community, alice and bob joined, alice asked "Why does line 3 stop?". */
    private List<CommunityEvent> start() {
        return new ArrayList<>(List.of(founded(community, "carol", "Notified " + community, "uptime"),
                joined(community, "alice", null), joined(community, "bob", null),
                posted(community, question, "alice", ContributionKind.QUESTION, "Why does line 3 stop?")));
    }

    /** The member's notifications of this test's community, newest first (every page read). */
    private List<JsonNode> mine(String member) {
        List<JsonNode> items = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = getJson("/api/notifications?limit=100" + (next == null ? "" : "&before=" + next), member);
            page.get("items").forEach(item -> {
                if (item.get("communityId").asText().equals(community.toString())) {
                    items.add(item);
                }
            });
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        return items;
    }

    @Test
    void anAnswerToMyQuestionNotifiesMeButNotMyOwnAnswer() {
        List<CommunityEvent> events = start();
        CommunityEvent bobsAnswer = answered(community, answer, "bob", question, "alice");
        events.add(bobsAnswer);
        events.add(answered(community, UUID.randomUUID(), "alice", question, "alice")); // her own: nobody is told
        publishAndAwait(events);

        List<JsonNode> alices = mine("alice");
        assertThat(alices).hasSize(1);
        JsonNode n = alices.get(0);
        assertThat(n.get("notificationId").asText())
                .isEqualTo(QueryProjection.notificationId(bobsAnswer.eventId(), "alice").toString());
        assertThat(n.get("kind").asText()).isEqualTo("ANSWERED");
        assertThat(n.get("text").asText()).isEqualTo("bob answered your question “Why does line 3 stop?”");
        assertThat(n.get("actorId").asText()).isEqualTo("bob");
        assertThat(n.get("contributionId").asText()).isEqualTo(question.toString());
        assertThat(n.get("threadId").asText()).isEqualTo(question.toString());
        assertThat(n.get("communityName").asText()).isEqualTo("Notified " + community);
        assertThat(n.get("createdAt").asText()).isEqualTo(bobsAnswer.occurredAt().toString());
        assertThat(n.get("read").asBoolean()).isFalse();
        assertThat(mine("bob")).isEmpty();
        assertThat(mine("carol")).isEmpty();
    }

    @Test
    void anAcceptedAnswerNotifiesItsAuthor() {
        List<CommunityEvent> events = start();
        events.add(answered(community, answer, "bob", question, "alice"));
        events.add(accepted(community, question, "alice", answer, "bob"));
        publishAndAwait(events);

        List<JsonNode> bobs = mine("bob");
        assertThat(bobs).hasSize(1);
        assertThat(bobs.get(0).get("kind").asText()).isEqualTo("ACCEPTED");
        assertThat(bobs.get(0).get("text").asText()).isEqualTo("alice accepted your answer to “Why does line 3 stop?”");
        assertThat(bobs.get(0).get("contributionId").asText()).isEqualTo(answer.toString());
        assertThat(bobs.get(0).get("threadId").asText()).isEqualTo(question.toString()); // the answer's question
    }

    @Test
    void aThanksNotifiesTheAuthorAndOtherReactionsDoNot() {
        List<CommunityEvent> events = start();
        events.add(answered(community, answer, "bob", question, "alice"));
        events.add(reacted(community, answer, "alice", "bob", ReactionKind.LIKE));
        events.add(reacted(community, answer, "alice", "bob", ReactionKind.USEFUL));
        events.add(reacted(community, answer, "alice", "bob", ReactionKind.THANKS));
        events.add(reacted(community, question, "bob", "alice", ReactionKind.THANKS));
        publishAndAwait(events);

        List<JsonNode> bobs = mine("bob");
        assertThat(bobs).hasSize(1);
        assertThat(bobs.get(0).get("kind").asText()).isEqualTo("THANKED");
        assertThat(bobs.get(0).get("text").asText())
                .isEqualTo("alice thanked you for your answer to “Why does line 3 stop?”");
        List<JsonNode> alices = mine("alice");
        assertThat(alices).extracting(n -> n.get("text").asText())
                .containsExactly("bob thanked you for “Why does line 3 stop?”", "bob answered your question “Why does line 3 stop?”");
    }

    @Test
    void anOutcomeNotifiesEveryCreditedContributorOnceButNotTheLeaderWhoRecordedIt() {
        UUID idea = UUID.randomUUID();
        UUID carolsPost = UUID.randomUUID();
        List<CommunityEvent> events = start();
        events.add(answered(community, answer, "bob", question, "alice"));
        events.add(posted(community, idea, "bob", ContributionKind.IDEA, "Check the bearings weekly"));
        events.add(posted(community, carolsPost, "carol", ContributionKind.POST, "Bearings"));
        OutcomeRecorded outcome = new OutcomeRecorded(UUID.randomUUID(), community, "carol", now(), UUID.randomUUID(),
                "Vibration checks adopted, 12 hours of downtime avoided", new BigDecimal("12"),
                List.of(idea, answer, carolsPost, question), List.of("bob", "carol", "alice"));
        events.add(outcome);
        publishAndAwait(events);

        List<JsonNode> bobs = mine("bob");
        assertThat(bobs).hasSize(1);
        JsonNode n = bobs.get(0);
        assertThat(n.get("kind").asText()).isEqualTo("CREDITED");
        assertThat(n.get("text").asText())
                .isEqualTo("carol recorded an outcome that credits your work: “Vibration checks adopted, 12 hours of downtime avoided”");
        assertThat(n.get("outcomeId").asText()).isEqualTo(outcome.outcomeId().toString());
        assertThat(n.get("contributionId").asText()).isEqualTo(idea.toString()); // his first credited one
        List<JsonNode> alices = mine("alice");
        assertThat(alices).extracting(a -> a.get("kind").asText()).containsExactly("CREDITED", "ANSWERED");
        assertThat(alices.get(0).get("contributionId").asText()).isEqualTo(question.toString());
        assertThat(mine("carol")).isEmpty();
    }

    @Test
    void applyingTheSameEventsAgainWritesNoSecondNotificationAndKeepsTheReadMarks() {
        List<CommunityEvent> events = start();
        events.add(answered(community, answer, "bob", question, "alice"));
        events.add(accepted(community, question, "alice", answer, "bob"));
        events.add(reacted(community, answer, "alice", "bob", ReactionKind.THANKS));
        List<EventEnvelope> envelopes = publishAndAwait(events);
        String readId = mine("bob").get(0).get("notificationId").asText();
        assertThat(postJson("/api/notifications/read", "bob", "{\"notificationIds\":[\"" + readId + "\"]}")
                .statusCode()).isEqualTo(200);
        String before = notifications();
        assertThat(before).contains(readId);

        // through the machinery: the at-least-once publisher sends everything again
        envelopes.forEach(publisher::publish);
        awaitApplied(envelopes);
        // and to the projection itself, as a replay after a reset would: the rows are found by their ids
        List<ProjectedEvent> again = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            again.add(new ProjectedEvent(envelopes.get(i), events.get(i), 0, i));
        }
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> projection.apply(again));

        assertThat(notifications()).isEqualTo(before);
        assertThat(mine("bob")).hasSize(2);
        assertThat(mine("bob")).filteredOn(n -> n.get("read").asBoolean())
                .extracting(n -> n.get("notificationId").asText()).containsExactly(readId);
    }

    private String notifications() {
        return jdbc.queryForList("SELECT * FROM notification WHERE community_id = ? ORDER BY notification_id",
                community).toString();
    }

    @Test
    void membersReadAndMarkOnlyTheirOwnNotifications() {
        List<CommunityEvent> events = start();
        events.add(answered(community, answer, "bob", question, "alice"));
        events.add(reacted(community, answer, "alice", "bob", ReactionKind.THANKS));
        publishAndAwait(events);
        String alicesId = mine("alice").get(0).get("notificationId").asText();
        String bobsId = mine("bob").get(0).get("notificationId").asText();

        assertThat(get("/api/notifications", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/notifications/unread-count", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/notifications/digest", null).statusCode()).isEqualTo(401);
        assertThat(postJson("/api/notifications/read", null, "{}").statusCode()).isEqualTo(401);
        assertThat(mine("frank")).isEmpty();

        // bob names alice's notification: nothing changes for anybody
        HttpResponse<String> foreign = postJson("/api/notifications/read", "bob", "{\"notificationIds\":[\"" + alicesId + "\"]}");
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(read(foreign.body()).get("marked").asInt()).isZero();
        assertThat(mine("alice").get(0).get("read").asBoolean()).isFalse();

        long alicesUnread = getJson("/api/notifications/unread-count", "alice").get("unreadCount").asLong();
        assertThat(alicesUnread).isPositive();
        assertThat(getJson("/api/notifications?limit=1", "alice").get("unreadCount").asLong()).isEqualTo(alicesUnread);
        HttpResponse<String> listed = postJson("/api/notifications/read", "alice", "{\"notificationIds\":[\"" + alicesId + "\"]}");
        assertThat(read(listed.body()).get("marked").asInt()).isEqualTo(1);
        assertThat(read(listed.body()).get("unreadCount").asLong()).isEqualTo(alicesUnread - 1);
        JsonNode alices = mine("alice").get(0);
        assertThat(alices.get("read").asBoolean()).isTrue();
        assertThat(alices.get("readAt").isNull()).isFalse();
        assertThat(mine("bob").get(0).get("read").asBoolean()).isFalse();

        HttpResponse<String> all = postJson("/api/notifications/read", "bob", null);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(read(all.body()).get("unreadCount").asLong()).isZero();
        assertThat(getJson("/api/notifications/unread-count", "bob").get("unreadCount").asLong()).isZero();
        assertThat(mine("bob").get(0).get("notificationId").asText()).isEqualTo(bobsId);
        assertThat(mine("bob").get(0).get("read").asBoolean()).isTrue();
    }

    @Test
    void pagesCoverEveryNotificationOnceNewestFirst() {
        List<CommunityEvent> events = new ArrayList<>(List.of(founded(community, "carol", "Paged " + community, "p"),
                joined(community, "grace", null)));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID idea = UUID.randomUUID();
            events.add(posted(community, idea, "grace", ContributionKind.IDEA, "Idea " + i));
            CommunityEvent thanks = reacted(community, idea, "carol", "grace", ReactionKind.THANKS);
            events.add(thanks);
            expected.add(0, QueryProjection.notificationId(thanks.eventId(), "grace").toString());
        }
        publishAndAwait(events);

        // grace may have notifications of other tests' communities before and after these: page through all of them
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = getJson("/api/notifications?limit=3" + (next == null ? "" : "&before=" + next), "grace");
            assertThat(page.get("items").size()).isLessThanOrEqualTo(3);
            page.get("items").forEach(item -> {
                if (item.get("communityId").asText().equals(community.toString())) {
                    seen.add(item.get("notificationId").asText());
                }
            });
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void badParametersAndBodiesAre400NamingThem() {
        for (String query : List.of("limit=0", "limit=101", "limit=+5", "before=not-a-cursor")) {
            badRequest(get("/api/notifications?" + query, "alice"), query.substring(0, query.indexOf('=')));
        }
        for (String query : List.of("week=2026-13-01", "week=tomorrow", "week=+12026-01-01", "week=2026-02-30")) {
            badRequest(get("/api/notifications/digest?" + query, "alice"), "week");
        }
        badRequest(get("/api/notifications/digest?format=pdf", "alice"), "format");
        badRequest(postJson("/api/notifications/read", "alice", "{\"notificationIds\":[\"nope\"]}"), "notificationIds[0]");
        badRequest(postJson("/api/notifications/read", "alice", "{\"ids\":[]}"), "ids");
        badRequest(postJson("/api/notifications/read", "alice", "{\"notificationIds\":[null]}"), "notificationIds[0]");
    }

    @Test
    void aNewNotificationIsPushedToItsRecipientsStreamOnly() throws Exception {
        publishAndAwait(start());
        try (SseClient alice = openStream("/api/notifications/stream", "alice");
             SseClient bob = openStream("/api/notifications/stream", "bob")) {
            assertThat(alice.status()).isEqualTo(200);
            assertThat(alice.contentType()).startsWith("text/event-stream");
            assertThat(alice.awaitSubscribed(Duration.ofSeconds(10))).isTrue();
            assertThat(bob.awaitSubscribed(Duration.ofSeconds(10))).isTrue();

            CommunityEvent bobsAnswer = answered(community, answer, "bob", question, "alice");
            publishAndAwait(List.of(bobsAnswer));
            String id = QueryProjection.notificationId(bobsAnswer.eventId(), "alice").toString();
            assertThat(alice.await(events -> events.stream().anyMatch(e -> e.name().equals("unread")),
                    Duration.ofSeconds(10))).isTrue();
            SseClient.Event pushed = alice.events().stream().filter(e -> e.name().equals("notification")).findFirst()
                    .orElseThrow();
            assertThat(pushed.id()).isEqualTo(id);
            assertThat(read(pushed.data()).get("text").asText()).isEqualTo("bob answered your question “Why does line 3 stop?”");
            JsonNode unread = read(alice.events().stream().filter(e -> e.name().equals("unread")).findFirst()
                    .orElseThrow().data());
            assertThat(unread.get("unreadCount").asLong()).isPositive();

            // marking read elsewhere updates the open stream's count
            postJson("/api/notifications/read", "alice", null);
            assertThat(alice.await(events -> events.stream().anyMatch(e -> e.name().equals("unread")
                    && read(e.data()).get("unreadCount").asLong() == 0), Duration.ofSeconds(10))).isTrue();
            assertThat(bob.events()).noneMatch(e -> e.name().equals("notification") && e.id().equals(id));
        }
        assertThat(get("/api/notifications/stream", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theWeeklyDigestSaysWhatIGaveWhatIGotAndWhatMyCommunitiesAchieved() {
        List<CommunityEvent> events = start();
        events.add(answered(community, answer, "bob", question, "alice"));
        events.add(accepted(community, question, "alice", answer, "bob"));
        events.add(reacted(community, answer, "alice", "bob", ReactionKind.THANKS));
        events.add(reacted(community, answer, "alice", "bob", ReactionKind.LIKE));
        events.add(new OutcomeRecorded(UUID.randomUUID(), community, "carol", now(), UUID.randomUUID(),
                "Line 3 runs again", new BigDecimal("4.5"), List.of(answer), List.of("bob")));
        events.add(joined(community, "grace", null));
        publishAndAwait(events);

        JsonNode digest = getJson("/api/notifications/digest", "bob");
        LocalDate monday = DigestReads.weekOf(LocalDate.now(ZoneOffset.UTC));
        assertThat(digest.get("memberId").asText()).isEqualTo("bob");
        assertThat(digest.get("weekStart").asText()).isEqualTo(monday.toString());
        assertThat(digest.get("weekEnd").asText()).isEqualTo(monday.plusDays(6).toString());
        assertThat(digest.at("/gave/contributions")).anySatisfy(c -> assertThat(c.get("contributionId").asText())
                .isEqualTo(answer.toString()));
        assertThat(digest.at("/got/acceptedAnswers")).anySatisfy(a -> {
            assertThat(a.get("answerId").asText()).isEqualTo(answer.toString());
            assertThat(a.get("acceptedBy").asText()).isEqualTo("alice");
        });
        assertThat(digest.at("/got/reactionsReceived/THANKS").asInt()).isPositive();
        assertThat(digest.at("/got/outcomes")).anySatisfy(o -> assertThat(o.get("description").asText())
                .isEqualTo("Line 3 runs again"));
        JsonNode week = null;
        for (JsonNode c : digest.get("communities")) {
            if (c.get("communityId").asText().equals(community.toString())) {
                week = c;
            }
        }
        assertThat(week).isNotNull();
        assertThat(week.get("contributions").asInt()).isEqualTo(2);
        assertThat(week.get("outcomes")).hasSize(1);
        assertThat(week.get("newMembers")).extracting(JsonNode::asText).containsExactly("carol", "alice", "grace"); // the founder joined this week too

        JsonNode alices = getJson("/api/notifications/digest?week=" + monday.plusDays(3), "alice");
        assertThat(alices.at("/gave/reactionsGiven/THANKS").asInt()).isPositive();
        assertThat(alices.at("/got/answers")).anySatisfy(a -> assertThat(a.get("authorId").asText()).isEqualTo("bob"));
        assertThat(getJson("/api/notifications/digest?week=" + monday.minusWeeks(60), "alice").at("/gave/contributions"))
                .isEmpty();

        HttpResponse<String> text = get("/api/notifications/digest", "bob", "Accept", "text/plain");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(text.body()).startsWith("Your week in Productive Community, ")
                .contains("What you gave", "What you got", "What your communities achieved",
                        "alice accepted your answer to “Why does line 3 stop?”",
                        "“Line 3 runs again” (value 4.5, recorded by carol)", "Notified " + community);
        assertThat(get("/api/notifications/digest?format=text", "bob").body()).isEqualTo(text.body());
        HttpResponse<String> html = get("/api/notifications/digest?format=html", "bob");
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("<h2>What you got</h2>", "alice accepted your answer to “Why does line 3 stop?”");
    }

    @Test
    void theDigestJobSendsEachMembersWeekOnce() {
        List<CommunityEvent> events = start();
        events.add(answered(community, answer, "bob", question, "alice"));
        publishAndAwait(events);
        LocalDate monday = DigestReads.weekOf(LocalDate.now(ZoneOffset.UTC));

        job.send(monday);
        Integer sent = jdbc.queryForObject("SELECT count(*) FROM digest_sent WHERE week_start = ?"
                + " AND member_id IN ('alice', 'bob', 'carol')", Integer.class, monday);
        assertThat(sent).isEqualTo(3);
        assertThat(job.send(monday)).isZero(); // claimed: never sent twice
    }

    private HttpResponse<String> postJson(String path, String user, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
