package com.productivecommunity.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.support.projection.EventPosition;
import com.productivecommunity.support.projection.ProjectionPositions;
import com.productivecommunity.support.projection.TestEventPublisher;
import com.productivecommunity.support.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of query-service's integration tests: one Spring context (real server on a random port, the
 * a PostgreSQL database of its own, an embedded KRaft broker), shared by every subclass. Events go to the
 * topic as command-service publishes them; reads go through HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 3, topics = "community-events")
@AutoConfigureObservability
@ActiveProfiles("test")
public abstract class QueryIntegrationTest {

    protected static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;
    @Autowired
    protected ProjectionPositions positions;

    protected TestEventPublisher publisher;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        // A database of this test JVM's own: never offsets stored by an earlier run against another broker.
        // A test with a context (and broker) of its own names another database in platform.test.database-url.
        registry.add("spring.datasource.url",
                () -> "${platform.test.database-url:" + TestDatabases.url("query") + "}?reWriteBatchedInserts=true");
    }

    @BeforeEach
    void openPublisher() {
        publisher = new TestEventPublisher(brokers, "community-events");
    }

    @AfterEach
    void closePublisher() {
        publisher.close();
    }

    /** Publishes the events in order and waits until the projection applied the last event of each aggregate. */
    protected List<EventEnvelope> publishAndAwait(List<? extends CommunityEvent> events) {
        List<EventEnvelope> envelopes = publisher.publishAll(events);
        awaitApplied(envelopes);
        return envelopes;
    }

    protected void awaitApplied(Collection<EventEnvelope> envelopes) {
        try {
            assertThat(positions.awaitApplied(lastPositions(envelopes), Duration.ofSeconds(60))).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    protected static List<EventPosition> lastPositions(Collection<EventEnvelope> envelopes) {
        Map<String, Long> last = new LinkedHashMap<>();
        envelopes.forEach(e -> last.merge(e.aggregateId(), e.sequence(), Math::max));
        List<EventPosition> positions = new ArrayList<>();
        last.forEach((aggregate, sequence) -> positions.add(new EventPosition(aggregate, sequence)));
        return positions;
    }

    protected HttpResponse<String> get(String path, String user, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    protected HttpResponse<String> post(String path, String user) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", basic(user)).build());
    }

    protected JsonNode getJson(String path, String user, String... headers) {
        HttpResponse<String> response = get(path, user, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    protected static JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    protected static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An open text/event-stream response whose lines are collected as they arrive. */
    protected SseClient openStream(String path, String user) {
        return new SseClient(http, URI.create("http://localhost:" + port + path), basic(user));
    }

    /** A cursor's text as this service encodes it (base64url, no padding). */
    protected static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A 400 problem+json naming {@code field}. */
    protected static void badRequest(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = read(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.path("field").asText()).as(response.uri() + " " + response.body()).isEqualTo(field);
    }
}
