package com.productivecommunity.query.feed;

import static com.productivecommunity.query.Events.accepted;
import static com.productivecommunity.query.Events.answered;
import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.joined;
import static com.productivecommunity.query.Events.left;
import static com.productivecommunity.query.Events.outcome;
import static com.productivecommunity.query.Events.posted;
import static com.productivecommunity.query.Events.reacted;
import static com.productivecommunity.query.Events.viewed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.query.QueryIntegrationTest;
import com.productivecommunity.query.SseClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeedsIntegrationTest extends QueryIntegrationTest {

    private final UUID community = UUID.randomUUID();
    private final UUID question = UUID.randomUUID();
    private final UUID answer = UUID.randomUUID();

    @Test
    void theWorkedExampleIsReadableThroughHttpAndPushedToAnOpenStream() throws Exception {
        EventEnvelope founding = publisher.publish(founded(community, "carol", "Maintenance Excellence",
                "reduce unplanned downtime on line 3"));
        awaitApplied(List.of(founding));
        try (SseClient alice = openStream("/api/feed/stream", "alice");
             SseClient carolOnCommunity = openStream("/api/communities/" + community + "/feed/stream", "carol")) {
            assertThat(alice.awaitSubscribed(Duration.ofSeconds(10))).isTrue();
            assertThat(carolOnCommunity.awaitSubscribed(Duration.ofSeconds(10))).isTrue();
            assertThat(alice.contentType()).startsWith("text/event-stream");

            List<EventEnvelope> written = new ArrayList<>();
            for (CommunityEvent event : List.of(
                    joined(community, "alice", "learn predictive maintenance"),
                    joined(community, "bob", null),
                    posted(community, question, "alice", ContributionKind.QUESTION, "Why does line 3 stop?"),
                    answered(community, answer, "bob", question, "alice"),
                    viewed(community, answer, "alice", "bob"),
                    reacted(community, answer, "alice", "bob", ReactionKind.THANKS),
                    reacted(community, question, "bob", "alice", ReactionKind.LIKE),
                    accepted(community, question, "alice", answer, "bob"),
                    outcome(community, "carol", new BigDecimal("12"), List.of(answer), List.of("bob")))) {
                written.add(publisher.publish(event)); // one command after the other, as the web client sends them
            }
            String await = lastPositions(written).stream().map(Object::toString).collect(Collectors.joining(","));

            HttpResponse<String> home = get("/api/feed", "alice", "X-Await-Position", await);
            assertThat(home.headers().firstValue("X-Position-Reached")).hasValue("true");
            JsonNode homeFeed = read(home.body());
            // alice may belong to other tests' communities too; this community's items are the newest
            assertThat(ids(homeFeed.get("items")).subList(0, 2)).containsExactly(answer.toString(), question.toString());
            JsonNode feed = getJson("/api/communities/" + community + "/feed", "erin");
            assertThat(ids(feed.get("items"))).containsExactly(answer.toString(), question.toString());
            assertThat(feed.get("next").isNull()).isTrue();
            assertThat(homeFeed.get("items").get(0)).isEqualTo(feed.get("items").get(0));
            assertThat(homeFeed.get("items").get(1)).isEqualTo(feed.get("items").get(1));
            JsonNode answerItem = feed.get("items").get(0);
            assertThat(answerItem.get("kind").asText()).isEqualTo("ANSWER");
            assertThat(answerItem.get("inReplyTo").asText()).isEqualTo(question.toString());
            assertThat(answerItem.get("title").isNull()).isTrue();
            assertThat(answerItem.get("reactions").toString()).isEqualTo("{\"LIKE\":0,\"THANKS\":1,\"USEFUL\":0}");
            assertThat(answerItem.get("answerCount").asInt()).isZero();
            assertThat(answerItem.get("questionTitle").asText()).isEqualTo("Why does line 3 stop?");
            assertThat(answerItem.get("outcomeCount").asInt()).isEqualTo(1); // carol's outcome credits it
            JsonNode questionItem = feed.get("items").get(1);
            assertThat(questionItem.get("inReplyTo").isNull()).isTrue();
            assertThat(questionItem.get("authorId").asText()).isEqualTo("alice");
            assertThat(questionItem.get("communityId").asText()).isEqualTo(community.toString());
            assertThat(questionItem.get("reactions").toString()).isEqualTo("{\"LIKE\":1,\"THANKS\":0,\"USEFUL\":0}");
            assertThat(questionItem.get("answerCount").asInt()).isEqualTo(1);
            assertThat(fieldNames(questionItem)).containsExactly("contributionId", "communityId", "authorId", "kind",
                    "title", "body", "inReplyTo", "postedAt", "reactions", "answerCount", "questionTitle", "outcomeCount",
                    "editedAt", "state", "hiddenReason");

            JsonNode thread = getJson("/api/contributions/" + question, "bob");
            assertThat(thread.get("contributionId").asText()).isEqualTo(question.toString());
            assertThat(thread.get("answerCount").asInt()).isEqualTo(1);
            assertThat(ids(thread.get("answers"))).containsExactly(answer.toString());
            assertThat(thread.get("acceptedAnswerId").asText()).isEqualTo(answer.toString());

            JsonNode detail = getJson("/api/communities/" + community, "grace");
            assertThat(detail.get("leaders").toString()).isEqualTo("[\"carol\"]");
            assertThat(detail.get("members").toString()).isEqualTo("[{\"memberId\":\"carol\",\"purpose\":null,\"segments\":[]},"
                    + "{\"memberId\":\"alice\",\"purpose\":\"learn predictive maintenance\",\"segments\":[]},"
                    + "{\"memberId\":\"bob\",\"purpose\":null,\"segments\":[]}]");
            JsonNode listed = find(getJson("/api/communities", "frank"), community);
            assertThat(listed.get("memberCount").asInt()).isEqualTo(3);
            assertThat(listed.get("name").asText()).isEqualTo("Maintenance Excellence");

            // Pushed items and count changes add up to what the feed shows (however the consumer batched them).
            assertThat(alice.await(events -> names(events, "contribution").size() == 2
                    && pushedCounts(events, answer).equals("{\"LIKE\":0,\"THANKS\":1,\"USEFUL\":0}/0/1")
                    && pushedCounts(events, question).equals("{\"LIKE\":1,\"THANKS\":0,\"USEFUL\":0}/1/0")
                    && events.stream().anyMatch(e -> "position".equals(e.name())
                    && e.data().contains(question + ":2")), Duration.ofSeconds(10)))
                    .as("alice's stream: %s", alice.events()).isTrue();
            List<String> pushedItems = names(alice.events(), "contribution").stream()
                    .map(e -> read(e.data()).get("contributionId").asText()).toList();
            assertThat(pushedItems).containsExactly(question.toString(), answer.toString());
            assertThat(read(names(alice.events(), "contribution").get(0).data()).get("title").asText())
                    .isEqualTo("Why does line 3 stop?");
            assertThat(carolOnCommunity.await(events -> names(events, "contribution").size() == 2,
                    Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void theHomeFeedShowsOnlyCommunitiesTheCallerBelongsTo() {
        UUID elsewhere = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        UUID shown = UUID.randomUUID();
        publishAndAwait(List.of(founded(community, "grace", "Quality", "fewer defects"),
                founded(elsewhere, "frank", "Logistics", "on time"),
                posted(community, shown, "grace", ContributionKind.IDEA, "Checklists"),
                posted(elsewhere, hidden, "frank", ContributionKind.POST, "Trucks")));

        List<String> graceFeed = ids(getJson("/api/feed?limit=100", "grace").get("items"));
        assertThat(graceFeed).contains(shown.toString()).doesNotContain(hidden.toString());
    }

    @Test
    void theCommunityListFiltersByCurrentMembership() {
        UUID elsewhere = UUID.randomUUID();
        UUID left = UUID.randomUUID();
        publishAndAwait(List.of(founded(community, "grace", "Quality", "fewer defects"),
                founded(elsewhere, "frank", "Logistics", "on time"),
                founded(left, "frank", "Safety", "no accidents"),
                joined(left, "grace", null),
                left(left, "grace")));

        List<String> mine = communityIds(getJson("/api/communities?member=me", "grace"));
        List<String> franks = communityIds(getJson("/api/communities?member=frank", "grace"));

        assertThat(mine).contains(community.toString()).doesNotContain(elsewhere.toString(), left.toString());
        assertThat(franks).contains(elsewhere.toString(), left.toString()).doesNotContain(community.toString());
        assertThat(communityIds(getJson("/api/communities", "grace")))
                .contains(community.toString(), elsewhere.toString(), left.toString());
    }

    @Test
    void unknownIdsAreNotFoundAsProblemDetails() {
        for (String path : List.of("/api/communities/" + UUID.randomUUID(),
                "/api/communities/" + UUID.randomUUID() + "/feed", "/api/contributions/" + UUID.randomUUID())) {
            HttpResponse<String> response = get(path, "alice");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(read(response.body()).get("status").asInt()).isEqualTo(404);
            assertThat(read(response.body()).get("detail").asText()).isNotBlank();
        }
    }

    @Test
    void readsNeedAnAuthenticatedMember() {
        assertThat(get("/api/communities", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/feed", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/communities", "alice").statusCode()).isEqualTo(200);
    }

    @Test
    void aPositionNotReachedInTimeIsAnsweredAnywayAndSaysSo() {
        HttpResponse<String> response = get("/api/communities", "alice", "X-Await-Position", UUID.randomUUID() + ":0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Position-Reached")).hasValue("false");
        assertThat(get("/api/communities", "alice", "X-Await-Position", "not-a-position").statusCode()).isEqualTo(400);
    }

    /** The latest reactions and answer count the stream pushed for a contribution, as "reactions/answerCount". */
    private static String pushedCounts(List<SseClient.Event> events, UUID contributionId) {
        String latest = null;
        for (SseClient.Event event : events) {
            if ("contribution".equals(event.name()) || "counts".equals(event.name())) {
                JsonNode data = read(event.data());
                if (data.get("contributionId").asText().equals(contributionId.toString())) {
                    latest = data.get("reactions").toString() + "/" + data.get("answerCount").asInt() + "/"
                            + data.get("outcomeCount").asInt();
                }
            }
        }
        return String.valueOf(latest);
    }

    private static List<String> communityIds(JsonNode communities) {
        List<String> ids = new ArrayList<>();
        communities.forEach(community -> ids.add(community.get("communityId").asText()));
        return ids;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("contributionId").asText()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode find(JsonNode communities, UUID id) {
        for (JsonNode community : communities) {
            if (community.get("communityId").asText().equals(id.toString())) {
                return community;
            }
        }
        throw new AssertionError("community " + id + " not listed");
    }

    private static List<SseClient.Event> names(List<SseClient.Event> events, String name) {
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }
}
