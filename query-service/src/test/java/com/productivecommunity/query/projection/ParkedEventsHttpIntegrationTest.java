package com.productivecommunity.query.projection;

import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.joined;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.query.QueryIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The analysts' side of parking, through HTTP on the real service: a record query-service cannot read is
 * parked with the community's later events behind it, health says DEGRADED with the count (HTTP 200),
 * an analyst reads, retries and skips it with a reason, the held event is then applied, the action is
 * recorded, and anyone else gets 403.
 */
class ParkedEventsHttpIntegrationTest extends QueryIntegrationTest {

    private static final String BASE = "/api/admin/projections/query";
    private static final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void skipWhateverIsLeft() {
        // The context is shared with the other tests, whose health checks expect nothing parked.
        for (JsonNode item : getJson(BASE + "/parked?limit=500", "dana").get("items")) {
            if (!item.get("reason").asText().equals("BEHIND")) {
                send("POST", BASE + "/parked/" + item.get("id").asLong() + "/skip", "dana", "{\"reason\":\"cleanup\"}");
            }
        }
    }

    @Test
    void anAnalystSeesSkipsAndRecordsAnUndecodableRecordAndTheHeldEventFollows() {
        UUID community = UUID.randomUUID();
        publishAndAwait(List.of(founded(community, "carol", "Parking", "hold")));
        byte[] garbage = "{\"truncated\": ".getBytes(StandardCharsets.UTF_8);
        publisher.send(community.toString(), garbage);
        EventEnvelope joined = publisher.publish(joined(community, "alice", null));

        JsonNode page = awaitParked(2);
        JsonNode undecodable = page.get("items").get(0);
        JsonNode behind = page.get("items").get(1);
        assertThat(undecodable.get("reason").asText()).isEqualTo("UNDECODABLE");
        assertThat(undecodable.get("recordKey").asText()).isEqualTo(community.toString());
        assertThat(behind.get("reason").asText()).isEqualTo("BEHIND");
        assertThat(behind.get("sequence").asLong()).isEqualTo(joined.sequence());
        assertThat(behind.get("eventId").asText()).isEqualTo(joined.eventId().toString());

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> read(get("/actuator/health", "prometheus").body())
                .at("/components/projections/components/query/details/parkedEvents").asLong() == 2);
        HttpResponse<String> health = get("/actuator/health", "prometheus");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(read(health.body()).get("status").asText()).isEqualTo("DEGRADED");
        assertThat(read(health.body()).at("/components/projections/components/query/status").asText())
                .isEqualTo("DEGRADED");
        assertThat(read(health.body()).at("/components/projections/components/query/details/reason").asText())
                .isEqualTo("2 parked record(s)");

        JsonNode shown = getJson(BASE + "/parked/" + undecodable.get("id").asLong(), "dana");
        assertThat(shown.get("envelope").isNull()).isTrue();
        assertThat(Base64.getDecoder().decode(shown.at("/value/base64").asText())).isEqualTo(garbage);
        assertThat(shown.at("/value/text").asText()).isEqualTo("{\"truncated\": ");
        assertThat(shown.at("/error/message").asText()).startsWith("Not an event envelope");
        assertThat(shown.at("/error/stack").asText()).contains("JsonEOFException");
        JsonNode heldShown = getJson(BASE + "/parked/" + behind.get("id").asLong(), "dana");
        assertThat(heldShown.at("/envelope/type").asText()).isEqualTo("MemberJoined");
        assertThat(heldShown.get("waitingFor").asText()).isEqualTo(community.toString());

        assertProblem(get(BASE + "/parked", "bob"), 403);
        assertProblem(send("POST", BASE + "/parked/" + undecodable.get("id").asLong() + "/skip", "bob",
                "{\"reason\":\"me\"}"), 403);
        assertProblem(get(BASE + "/parked?state=LOST", "dana"), 400);
        assertProblem(get("/api/admin/projections/nothing/parked", "dana"), 404);
        assertProblem(get(BASE + "/parked/999999999", "dana"), 404);
        assertProblem(send("POST", BASE + "/parked/" + undecodable.get("id").asLong() + "/skip", "dana", "{}"), 400);
        assertProblem(send("POST", BASE + "/parked/" + behind.get("id").asLong() + "/skip", "dana",
                "{\"reason\":\"x\"}"), 409);
        assertThat(communityMembers(community)).containsExactly("carol");

        HttpResponse<String> retried = send("POST", BASE + "/parked/" + undecodable.get("id").asLong() + "/retry",
                "dana", null);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(read(retried.body()).at("/parked/state").asText()).isEqualTo("PARKED");
        assertThat(read(retried.body()).at("/parked/attempts").asInt()).isEqualTo(2);

        HttpResponse<String> skipped = send("POST", BASE + "/parked/" + undecodable.get("id").asLong() + "/skip",
                "dana", "{\"reason\":\"a truncated record from a broken producer\"}");
        assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
        assertThat(read(skipped.body()).at("/parked/state").asText()).isEqualTo("SKIPPED");
        assertThat(read(skipped.body()).get("applied").asInt()).isEqualTo(1);

        assertThat(communityMembers(community)).containsExactlyInAnyOrder("carol", "alice");
        assertThat(getJson(BASE + "/parked", "dana").get("items")).isEmpty();
        assertThat(getJson(BASE + "/parked?state=ALL", "dana").get("items").findValuesAsText("state"))
                .contains("SKIPPED", "APPLIED");
        JsonNode actions = getJson(BASE + "/actions?limit=2", "dana");
        assertThat(actions.get(0).get("action").asText()).isEqualTo("SKIP");
        assertThat(actions.get(0).get("actor").asText()).isEqualTo("dana");
        assertThat(actions.get(0).get("reason").asText()).isEqualTo("a truncated record from a broken producer");
        assertThat(actions.get(0).get("parkedId").asLong()).isEqualTo(undecodable.get("id").asLong());
        assertThat(actions.get(0).get("outcome").asText()).isEqualTo("skipped; released 1");
        assertThat(actions.get(1).get("action").asText()).isEqualTo("RETRY");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> read(get("/actuator/health", "prometheus").body()).get("status").asText().equals("UP"));
    }

    @Test
    void retryAllAfterAFixIsOneRecordedAction() {
        HttpResponse<String> response = send("POST", BASE + "/parked/retry", "dana", "{\"reason\":\"after 1.2.1\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode action = read(response.body()).get("action");
        assertThat(action.get("action").asText()).isEqualTo("RETRY_ALL");
        assertThat(action.get("reason").asText()).isEqualTo("after 1.2.1");
        assertThat(action.get("outcome").asText()).isEqualTo("applied 0, still parked 0");
        assertProblem(send("POST", BASE + "/parked/retry", "erin", null), 403);
    }

    private JsonNode awaitParked(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> getJson(BASE + "/parked", "dana").get("items").size() == count);
        return getJson(BASE + "/parked", "dana");
    }

    private List<String> communityMembers(UUID community) {
        return getJson("/api/communities/" + community, "alice").get("members").findValuesAsText("memberId");
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(read(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private HttpResponse<String> send(String method, String path, String user, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
