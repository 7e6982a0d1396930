package com.productivecommunity.query.outcome;

import static com.productivecommunity.query.Events.answered;
import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.now;
import static com.productivecommunity.query.Events.outcome;
import static com.productivecommunity.query.Events.posted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.query.QueryIntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A community's outcomes over HTTP, and each credited contribution's side of them (thread, feed item). */
class OutcomesIntegrationTest extends QueryIntegrationTest {

    private final UUID community = UUID.randomUUID();
    private final UUID question = UUID.randomUUID();
    private final UUID answer = UUID.randomUUID();
    private final UUID idea = UUID.randomUUID();

    @Test
    void outcomesAreListedNewestFirstWithTheirContributionsAndShownOnEachContribution() {
        UUID unknown = UUID.randomUUID(); // credited, but never posted in this read model
        OutcomeRecorded downtime = new OutcomeRecorded(UUID.randomUUID(), community, "carol",
                now(), UUID.randomUUID(),
                "vibration checks adopted, 12 hours of downtime avoided", new BigDecimal("12"),
                List.of(answer, idea, unknown), List.of("bob"));
        OutcomeRecorded later = outcome(community, "carol", new BigDecimal("0.5"), List.of(), List.of());
        publishAndAwait(List.of(founded(community, "carol", "Maintenance Excellence", "uptime"),
                posted(community, question, "alice", ContributionKind.QUESTION, "Why does line 3 stop?"),
                answered(community, answer, "bob", question, "alice"),
                posted(community, idea, "bob", ContributionKind.IDEA, "Check the bearings weekly"),
                downtime, later));

        JsonNode page = getJson("/api/communities/" + community + "/outcomes", "erin");
        assertThat(page.get("next").isNull()).isTrue();
        JsonNode items = page.get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("outcomeId").asText()).isEqualTo(later.outcomeId().toString());
        assertThat(items.get(0).get("contributions")).isEmpty();
        JsonNode first = items.get(1);
        assertThat(first.get("outcomeId").asText()).isEqualTo(downtime.outcomeId().toString());
        assertThat(first.get("communityId").asText()).isEqualTo(community.toString());
        assertThat(first.get("recordedBy").asText()).isEqualTo("carol");
        assertThat(first.get("description").asText()).isEqualTo(downtime.description());
        assertThat(first.get("value").decimalValue()).isEqualByComparingTo("12");
        assertThat(first.get("recordedAt").asText()).isEqualTo(downtime.occurredAt().toString());
        JsonNode credited = first.get("contributions");
        assertThat(credited).hasSize(3);
        assertThat(credited.get(0).get("contributionId").asText()).isEqualTo(answer.toString());
        assertThat(credited.get(0).get("kind").asText()).isEqualTo("ANSWER");
        assertThat(credited.get(0).get("authorId").asText()).isEqualTo("bob");
        assertThat(credited.get(0).get("questionTitle").asText()).isEqualTo("Why does line 3 stop?");
        assertThat(credited.get(1).get("questionTitle").isNull()).isTrue();
        assertThat(credited.get(1).get("title").asText()).isEqualTo("Check the bearings weekly");
        assertThat(credited.get(2).get("contributionId").asText()).isEqualTo(unknown.toString());
        assertThat(credited.get(2).get("kind").isNull()).isTrue();

        JsonNode answerThread = getJson("/api/contributions/" + answer, "alice");
        assertThat(answerThread.get("outcomeCount").asInt()).isEqualTo(1);
        assertThat(answerThread.get("questionTitle").asText()).isEqualTo("Why does line 3 stop?");
        assertThat(answerThread.get("outcomes")).hasSize(1);
        assertThat(answerThread.get("outcomes").get(0).get("outcomeId").asText())
                .isEqualTo(downtime.outcomeId().toString());
        assertThat(answerThread.get("outcomes").get(0).get("value").decimalValue()).isEqualByComparingTo("12");
        JsonNode questionThread = getJson("/api/contributions/" + question, "alice");
        assertThat(questionThread.get("outcomes")).isEmpty();
        assertThat(questionThread.get("answers").get(0).get("outcomeCount").asInt()).isEqualTo(1);

        JsonNode feed = getJson("/api/communities/" + community + "/feed", "alice").get("items");
        assertThat(feed.get(0).get("contributionId").asText()).isEqualTo(idea.toString());
        assertThat(feed.get(0).get("outcomeCount").asInt()).isEqualTo(1);
        assertThat(feed.get(0).get("questionTitle").isNull()).isTrue();
        assertThat(feed.get(1).get("questionTitle").asText()).isEqualTo("Why does line 3 stop?");
        assertThat(feed.get(2).get("outcomeCount").asInt()).isZero();
    }

    @Test
    void pagesCoverEveryOutcomeOnceWhateverTheLimit() {
        List<CommunityEvent> events = new ArrayList<>(List.of(founded(community, "carol", "Paged", "outcomes")));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            OutcomeRecorded recorded = outcome(community, "carol", BigDecimal.valueOf(i + 1), List.of(), List.of());
            events.add(recorded);
            expected.add(0, recorded.outcomeId().toString()); // newest first
        }
        publishAndAwait(events);

        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = getJson("/api/communities/" + community + "/outcomes?limit=3"
                    + (next == null ? "" : "&before=" + next), "alice");
            page.get("items").forEach(item -> seen.add(item.get("outcomeId").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void badParametersAre400AndAnUnknownCommunity404AsProblemDetails() {
        publishAndAwait(List.of(founded(community, "carol", "Checked", "parameters")));
        for (String query : List.of("limit=0", "limit=101", "limit=x", "before=not-a-cursor", "before=%F0%9F%92%A9")) {
            HttpResponse<String> response = get("/api/communities/" + community + "/outcomes?" + query, "alice");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(get("/api/communities/" + UUID.randomUUID() + "/outcomes", "alice").statusCode()).isEqualTo(404);
        assertThat(get("/api/communities/not-an-id/outcomes", "alice").statusCode()).isEqualTo(400);
        assertThat(get("/api/communities/" + community + "/outcomes", null).statusCode()).isEqualTo(401);
    }
}
