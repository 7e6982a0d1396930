package com.productivecommunity.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.support.testing.RequiredTool;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/value-model.md, through HTTP only, against the packaged services, a real Kafka
 * broker and PostgreSQL; then the projections are restarted and must show the same figures, counted once.
 */
class WorkedExampleSystemTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private static RunningPlatform platform;
    private static String notRunnable;
    private final Api api = new Api();

    private String communityId;
    private String questionId;
    private String answerId;

    @BeforeAll
    static void startPlatform() {
        notRunnable = RunningPlatform.whyNotRunnable().orElse(null);
        if (notRunnable != null) {
            System.out.println(notRunnable);
            return;
        }
        platform = RunningPlatform.shared();
    }


    @Test
    void workedExampleFiguresSurviveRestartOfTheProjectionsWithoutDoubleCounting() {
        RequiredTool.require(notRunnable);
        runWorkedExample();

        await("feeds show the worked example").atMost(EVENTUALLY).untilAsserted(this::assertFeeds);
        await("analytics show the worked example").atMost(EVENTUALLY)
                .untilAsserted(() -> assertFigures("8.7", "6"));
        JsonNode aliceLedger = ledger("alice");
        JsonNode bobLedger = ledger("bob");
        JsonNode communityFeed = communityFeed();

        platform.restartProjections();

        assertFeeds();
        assertFigures("8.7", "6");
        assertThat(ledger("alice")).isEqualTo(aliceLedger);
        assertThat(ledger("bob")).isEqualTo(bobLedger);
        assertThat(communityFeed()).isEqualTo(communityFeed);

        // A new event after the restart is counted exactly once, on top of the unchanged history.
        assertThat(api.post("bob", platform.commandUrl() + "/api/contributions/" + questionId + "/reactions",
                Map.of("kind", "USEFUL")).status()).isEqualTo(201);
        await("USEFUL counted after the restart").atMost(EVENTUALLY)
                .untilAsserted(() -> assertFigures("9.2", "7"));
        assertThat(ledger("alice").size()).isEqualTo(aliceLedger.size() + 1);
        assertThat(ledger("bob").size()).isEqualTo(bobLedger.size() + 1);
        await("feed counts the USEFUL once").atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(item(communityFeed(), questionId).path("reactions").path("USEFUL").asInt()).isEqualTo(1));
    }

    private void runWorkedExample() {
        Api.Response founded = api.post("carol", platform.commandUrl() + "/api/communities",
                Map.of("name", "Maintenance Excellence", "purpose", "reduce unplanned downtime on line 3"));
        assertThat(founded.status()).as(founded.text()).isEqualTo(201);
        communityId = founded.field("communityId");

        String community = platform.commandUrl() + "/api/communities/" + communityId;
        assertCreated(api.postEmpty("alice", community + "/members"));
        assertCreated(api.postEmpty("bob", community + "/members"));
        assertStatus(api.put("alice", community + "/members/me/purpose", Map.of("purpose", "learn predictive maintenance")), 200);

        Api.Response question = api.post("alice", community + "/contributions", Map.of(
                "kind", "QUESTION",
                "title", "How do we see a bearing failure on line 3 coming?",
                "body", "Line 3 stopped twice this month on the same bearing. What warns you early?"));
        assertCreated(question);
        questionId = question.field("contributionId");

        Api.Response answer = api.post("bob", community + "/contributions", Map.of(
                "kind", "ANSWER",
                "body", "Weekly vibration checks: the spectrum changes weeks before the bearing fails.",
                "inReplyTo", questionId));
        assertCreated(answer);
        answerId = answer.field("contributionId");

        String contributions = platform.commandUrl() + "/api/contributions/";
        assertStatus(api.postEmpty("alice", contributions + answerId + "/views"), 202);
        assertCreated(api.post("alice", contributions + answerId + "/reactions", Map.of("kind", "THANKS")));
        assertCreated(api.post("bob", contributions + questionId + "/reactions", Map.of("kind", "LIKE")));
        assertStatus(api.put("alice", contributions + questionId + "/accepted-answer", Map.of("answerId", answerId)), 200);
        Api.Response outcome = api.post("carol", community + "/outcomes", Map.of(
                "description", "vibration checks adopted, 12 hours of downtime avoided",
                "value", 12,
                "contributionIds", List.of(answerId)));
        assertCreated(outcome);
    }

    private void assertFeeds() {
        JsonNode communities = ok(api.get("alice", platform.queryUrl() + "/api/communities"));
        JsonNode listed = find(communities, "communityId", communityId);
        assertThat(listed.path("name").asText()).isEqualTo("Maintenance Excellence");
        assertThat(listed.path("memberCount").asInt()).isEqualTo(3);

        JsonNode community = ok(api.get("bob", platform.queryUrl() + "/api/communities/" + communityId));
        assertThat(community.path("purpose").asText()).isEqualTo("reduce unplanned downtime on line 3");
        assertThat(texts(community.path("leaders"))).containsExactly("carol");
        assertThat(find(community.path("members"), "memberId", "alice").path("purpose").asText())
                .isEqualTo("learn predictive maintenance");
        assertThat(community.path("members").size()).isEqualTo(3);

        JsonNode feed = communityFeed();
        List<String> ids = ids(feed.path("items"));
        assertThat(ids).containsExactly(answerId, questionId);
        JsonNode question = item(feed, questionId);
        assertThat(question.path("kind").asText()).isEqualTo("QUESTION");
        assertThat(question.path("authorId").asText()).isEqualTo("alice");
        assertThat(question.path("answerCount").asInt()).isEqualTo(1);
        assertThat(question.path("reactions").path("LIKE").asInt()).isEqualTo(1);
        assertThat(question.path("reactions").path("THANKS").asInt()).isZero();
        JsonNode answer = item(feed, answerId);
        assertThat(answer.path("inReplyTo").asText()).isEqualTo(questionId);
        assertThat(answer.path("reactions").path("THANKS").asInt()).isEqualTo(1);

        JsonNode home = ok(api.get("alice", platform.queryUrl() + "/api/feed"));
        assertThat(ids(home.path("items"))).containsExactly(answerId, questionId);

        JsonNode thread = ok(api.get("alice", platform.queryUrl() + "/api/contributions/" + questionId));
        assertThat(thread.path("acceptedAnswerId").asText()).isEqualTo(answerId);
        assertThat(ids(thread.path("answers"))).containsExactly(answerId);
    }

    /** Alice contributed 1 and Bob 3 throughout; their benefits grow as the test goes on. */
    private void assertFigures(String aliceBenefit, String bobBenefit) {
        JsonNode alice = ok(api.get("alice", memberUrl("alice")));
        assertThat(decimal(alice, "contribution")).isEqualByComparingTo("1");
        assertThat(decimal(alice, "benefit")).isEqualByComparingTo(aliceBenefit);
        assertThat(decimal(alice, "balance")).isEqualByComparingTo(new BigDecimal(aliceBenefit).subtract(BigDecimal.ONE));
        assertThat(decimal(alice, "ratio")).isEqualByComparingTo(aliceBenefit);
        assertThat(alice.path("model").asText()).isEqualTo("v1");

        JsonNode bob = ok(api.get("bob", memberUrl("bob")));
        assertThat(decimal(bob, "contribution")).isEqualByComparingTo("3");
        assertThat(decimal(bob, "benefit")).isEqualByComparingTo(bobBenefit);
        assertThat(decimal(bob, "balance")).isEqualByComparingTo(new BigDecimal(bobBenefit).subtract(new BigDecimal("3")));

        JsonNode summary = ok(api.get("carol", platform.analyticsUrl() + "/api/analytics/communities/" + communityId));
        assertThat(decimal(summary, "organizationBenefit")).isEqualByComparingTo("12");
        assertThat(summary.path("activeMembers").asInt()).isEqualTo(2);
        assertThat(summary.path("membersBenefitingMore").asInt()).isEqualTo(2);
        assertThat(decimal(summary, "shareBenefitingMore")).isEqualByComparingTo("1.0");
        assertThat(summary.path("productive").asBoolean()).isTrue();

        // Every figure is the sum of its ledger entries.
        assertLedgerSums("alice", "1", aliceBenefit);
        assertLedgerSums("bob", "3", bobBenefit);
    }

    private void assertLedgerSums(String member, String contribution, String benefit) {
        JsonNode entries = ledger(member);
        BigDecimal contributed = BigDecimal.ZERO;
        BigDecimal benefited = BigDecimal.ZERO;
        for (JsonNode entry : entries) {
            assertThat(entry.path("eventId").asText()).isNotBlank();
            contributed = contributed.add(decimal(entry, "contribution"));
            benefited = benefited.add(decimal(entry, "benefit"));
        }
        assertThat(contributed).as(member + " ledger contribution").isEqualByComparingTo(contribution);
        assertThat(benefited).as(member + " ledger benefit").isEqualByComparingTo(benefit);
    }

    private JsonNode ledger(String member) {
        // An auditor reads any member's ledger.
        return ok(api.get("erin", memberUrl(member) + "/ledger"));
    }

    private JsonNode communityFeed() {
        return ok(api.get("carol", platform.queryUrl() + "/api/communities/" + communityId + "/feed"));
    }

    private String memberUrl(String member) {
        return platform.analyticsUrl() + "/api/analytics/communities/" + communityId + "/members/" + member;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private static void assertCreated(Api.Response response) {
        assertStatus(response, 201);
    }

    private static void assertStatus(Api.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        assertThat(value.isNumber()).as(field + " is a JSON number in " + node).isTrue();
        return value.decimalValue();
    }

    private static JsonNode item(JsonNode page, String contributionId) {
        return find(page.path("items"), "contributionId", contributionId);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText())) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("contributionId").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
