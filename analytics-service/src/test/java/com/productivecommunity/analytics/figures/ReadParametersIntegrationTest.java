package com.productivecommunity.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.support.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every parameter an analytics read parses from the client ends in a 400 naming it when it is wrong. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1, topics = "community-events")
class ReadParametersIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "0b6b2f8e-4a8e-4a36-8d6e-0e6f3d3f5b7c";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("analytics_params"));
    }

    @Test
    void anUnknownBucketIs400NamingIt() throws Exception {
        for (String bucket : List.of("year", "DAY", "%20day", "day%00", "%F0%9F%A7%AA", "d".repeat(500))) {
            JsonNode problem = badRequest(get("dana", "/api/analytics/communities/" + ID + "/timeline?bucket=" + bucket),
                    "bucket");
            assertThat(problem.get("detail").asText()).startsWith("Unsupported bucket '");
        }
        assertThat(get("dana", "/api/analytics/communities/" + ID + "/timeline?bucket=day").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aMemberIdThatIsNoMemberIdIs400NamingIt() throws Exception {
        for (String path : List.of("/members/%s", "/members/%s/ledger")) {
            for (String member : List.of("a%01b", "%EF%BB%BF", "%20alice", "alice%C2%A0", "x".repeat(256),
                    "%E2%80%8B")) {
                badRequest(get("dana", "/api/analytics/communities/" + ID + path.formatted(member)), "memberId");
            }
            assertThat(get("dana", "/api/analytics/communities/" + ID + path.formatted("x".repeat(255))).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aMalformedCommunityIdIs400AndAWellFormedUnknownOne404() throws Exception {
        for (String path : List.of("", "/members/alice", "/members/alice/ledger", "/timeline")) {
            for (String id : List.of("not-a-uuid", "1-1-1-1-1", ID.replace("-", ""), ID + "0", "%E2%80%8B" + ID)) {
                badRequest(get("dana", "/api/analytics/communities/" + id + path), "communityId");
            }
            assertThat(get("dana", "/api/analytics/communities/" + UUID.randomUUID() + path).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anUnknownModelIs404AndItsNameIsQuotedSafely() throws Exception {
        HttpResponse<String> response = get("dana", "/api/analytics/communities/" + ID + "?model=%01" + "v".repeat(200));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("'\\u0001" + "v".repeat(79) + "'…");
        // A NUL would fail in PostgreSQL: no lookup for what cannot be a version name.
        for (String path : List.of("/api/analytics/communities/" + ID + "?model=v%001",
                "/api/analytics/compare?models=v1,v%001")) {
            HttpResponse<String> nul = get("dana", path);
            assertThat(nul.statusCode()).as(path + " " + nul.body()).isEqualTo(404);
            assertThat(nul.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void aMalformedAwaitPositionIs400() throws Exception {
        for (String header : List.of("x", "a:b", ":1", "a:-1", "a:99999999999999999999", "a:1,")) {
            HttpResponse<String> response = http.send(request("dana", "/api/analytics/communities/" + ID)
                    .header("X-Await-Position", header).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(header).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    private JsonNode badRequest(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(field);
        return problem;
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
}
