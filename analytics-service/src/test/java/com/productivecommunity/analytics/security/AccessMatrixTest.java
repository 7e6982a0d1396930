package com.productivecommunity.analytics.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.support.projection.EventPosition;
import com.productivecommunity.support.projection.ProjectionPositions;
import com.productivecommunity.support.projection.TestEventPublisher;
import com.productivecommunity.support.testing.AccessMatrix;
import com.productivecommunity.support.testing.AccessMatrix.Call;
import com.productivecommunity.support.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * analytics-service's access matrix (published in docs/security.md): the community comes through the topic
 * (carol founded it, alice and bob joined, alice asked, bob answered and alice thanked him); member figures
 * and ledgers are alice's, so "author" is the member reading their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "platform.projection.poll-timeout=100ms",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = "community-events")
@AutoConfigureObservability
class AccessMatrixTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProjectionPositions positions;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("analytics_matrix") + "?reWriteBatchedInserts=true");
    }

    @Test
    void everyMappingAnswersEveryCallerAsTheRulesSay() throws Exception {
        Events events = new Events();
        UUID community = events.communityId;
        ContributionPosted question = events.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = events.answer("bob", question);
        List<CommunityEvent> history = List.of(events.founded("carol"), events.joined("alice", "learn"),
                events.joined("bob", null), question, answer,
                events.reacted("alice", answer, com.productivecommunity.events.ReactionKind.THANKS));
        try (TestEventPublisher publisher = new TestEventPublisher(brokers, "community-events")) {
            Map<String, EventPosition> last = new LinkedHashMap<>();
            for (EventEnvelope envelope : publisher.publishAll(history)) {
                last.put(envelope.aggregateId(), new EventPosition(envelope.aggregateId(), envelope.sequence()));
            }
            assertThat(positions.awaitApplied(List.copyOf(last.values()), Duration.ofSeconds(60))).isTrue();
        }
        String base = "/api/analytics/communities/" + community;
        Supplier<Object> data = () -> null;
        createVersion("v2");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/api/analytics/models/v2/progress",
                null).contains("\"state\":\"caught-up\""));
        AtomicInteger versions = new AtomicInteger();
        Supplier<String> freshName = () -> "matrix" + versions.incrementAndGet();
        Supplier<String> freshVersion = () -> {
            String name = freshName.get();
            createVersion(name);
            return name;
        };
        AccessMatrix.demo("analytics-service", port)
                //                                                                          anon non  mem  auth lead ANA  AUD  OPS
                .row("GET /api/analytics/communities/{communityId}", "a community's figures", data,
                        f -> Call.get(base), 401, 403, 200, 200, 200, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/timeline", "a community's timeline", data,
                        f -> Call.get(base + "/timeline?bucket=day"), 401, 403, 200, 200, 200, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/segments", "a community's figures per segment", data,
                        f -> Call.get(base + "/segments"), 401, 403, 200, 200, 200, 200, 200, 401)
                .row("GET /api/analytics/segments", "the organization's figures per segment", data,
                        f -> Call.get("/api/analytics/segments"), 401, 403, 403, 403, 403, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/trail", "a community's trail (figure changes by event)",
                        data, f -> Call.get(base + "/trail?figure=verdict"), 401, 403, 200, 200, 200, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/exports/ledger", "export every member's ledger",
                        data, f -> Call.get(base + "/exports/ledger?format=csv"), 401, 403, 403, 403, 403, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/exports/members", "export the member figures",
                        data, f -> Call.get(base + "/exports/members"), 401, 403, 403, 403, 403, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/exports/figures", "export the community figures",
                        data, f -> Call.get(base + "/exports/figures?format=json"), 401, 403, 403, 403, 403, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/exports/trail", "export the trail",
                        data, f -> Call.get(base + "/exports/trail?format=csv"), 401, 403, 403, 403, 403, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/members/{memberId}", "alice's figures", data,
                        f -> Call.get(base + "/members/alice"), 401, 403, 403, 200, 403, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/members/{memberId}/ledger", "alice's ledger", data,
                        f -> Call.get(base + "/members/alice/ledger"), 401, 403, 403, 200, 403, 200, 200, 401)
                .row("GET /api/analytics/compare", "compare two versions", data,
                        f -> Call.get("/api/analytics/compare?models=v1,v2&community=" + community),
                        401, 403, 403, 403, 403, 200, 200, 401)
                .row("GET /api/analytics/models", "the value model versions", data,
                        f -> Call.get("/api/analytics/models"), 401, 403, 403, 403, 403, 200, 200, 401)
                .row("POST /api/analytics/models", "create a version (and replay it)", freshName,
                        name -> Call.post("/api/analytics/models", definition(name)), 401, 403, 403, 403, 403, 201, 403, 401)
                .row("GET /api/analytics/models/{model}", "one version", data,
                        f -> Call.get("/api/analytics/models/v1"), 401, 403, 403, 403, 403, 200, 200, 401)
                .row("GET /api/analytics/models/{model}/progress", "a version's replay progress", data,
                        f -> Call.get("/api/analytics/models/v2/progress"), 401, 403, 403, 403, 403, 200, 200, 401)
                .row("GET /api/analytics/models/{model}/progress/stream", "the progress as a live stream", data,
                        f -> Call.stream("/api/analytics/models/v2/progress/stream"), 401, 403, 403, 403, 403, 200, 200, 401)
                .row("POST /api/analytics/models/{model}/replay", "replay a version again", freshVersion,
                        name -> Call.post("/api/analytics/models/" + name + "/replay", null), 401, 403, 403, 403, 403, 202, 403, 401)
                .row("POST /api/analytics/models/{model}/promote", "make a caught-up version the default", data,
                        f -> Call.post("/api/analytics/models/v1/promote", null), 401, 403, 403, 403, 403, 200, 403, 401)
                .row("POST /api/analytics/models/{model}/retire", "retire a version", freshVersion,
                        name -> Call.post("/api/analytics/models/" + name + "/retire", null), 401, 403, 403, 403, 403, 200, 403, 401)
                .operationsAndDocs()
                .projectionAdmin("analytics")
                .row("POST /api/admin/projections/{name}/rebuild", "rebuild the figures from the first event", data,
                        f -> Call.post("/api/admin/projections/analytics/rebuild", null), 401, 403, 403, 403, 403, 202, 403, 401)
                .verify(context);
    }

    private static String definition(String name) {
        return "{\"name\":\"" + name + "\",\"productiveShareThreshold\":0.5,\"weights\":{\"QUESTION_POSTED\":1,"
                + "\"ANSWER_POSTED\":5,\"ANSWER_RECEIVED\":2,\"THANKS_RECEIVED\":1,\"THANKS_GIVEN\":1}}";
    }

    private void createVersion(String name) {
        String answer = send("POST", "/api/analytics/models", definition(name));
        assertThat(answer).contains("\"name\":\"" + name + "\"");
    }

    private String send(String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("dana:dana".getBytes()))
                    .header("Content-Type", "application/json");
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
