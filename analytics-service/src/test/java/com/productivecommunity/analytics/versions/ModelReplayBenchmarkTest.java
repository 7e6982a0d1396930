package com.productivecommunity.analytics.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.analytics.engine.RandomHistory;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.support.projection.TestEventPublisher;
import com.productivecommunity.support.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not part of the build (runs only with {@code -Dbenchmark.events=N}): the replay of a new version over a
 * generated N-event history, alone and two at once, then the organization-wide comparison. Prints figures,
 * asserts only that everything caught up and compares.
 * <pre>mvn -B -ntp -q -pl analytics-service -am verify -Dtest=ModelReplayBenchmarkTest \
 *   -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dbenchmark.events=100000</pre>
 */
@EnabledIfSystemProperty(named = "benchmark.events", matches = "\\d+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN"})
@EmbeddedKafka(kraft = true, partitions = 6, topics = "community-events")
class ModelReplayBenchmarkTest {

    private static final Duration WAIT = Duration.ofMinutes(30);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("analytics_replay_bench") + "?reWriteBatchedInserts=true");
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Test
    void replayOfNewVersions() throws Exception {
        int n = Integer.parseInt(System.getProperty("benchmark.events"));
        Random random = new Random(13);
        long t = System.nanoTime();
        // Generated and published piece by piece, so that a history of millions of events never sits in the heap.
        int published = 0;
        Instant middle = null;
        try (TestEventPublisher publisher = new TestEventPublisher(brokers, "community-events")) {
            while (published < n) {
                List<CommunityEvent> piece = new ArrayList<>();
                while (piece.size() < 10_000 && published + piece.size() < n) {
                    piece.addAll(RandomHistory.generate(random, Math.min(5_000, n - published - piece.size())));
                }
                if (middle == null && published + piece.size() >= n / 2) {
                    middle = piece.get(Math.max(0, n / 2 - published)).occurredAt();
                }
                publisher.publishAll(piece);
                published += piece.size();
            }
        }
        System.out.printf(Locale.ROOT, "BENCH generated and published %,d events in %.1f s%n", published, seconds(t));
        t = System.nanoTime();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode p = ok("/api/analytics/models/v1/progress");
            return p.get("eventsTotal").asLong() > 0 && p.get("eventsDone").asLong() == p.get("eventsTotal").asLong();
        });
        long total = ok("/api/analytics/models/v1/progress").get("eventsTotal").asLong();
        System.out.printf(Locale.ROOT, "BENCH default lane (v1) applied %,d records in %.1f s: %.0f events/s%n",
                total, seconds(t), total / seconds(t));

        replay(List.of("v2"), total);
        replay(List.of("v3", "v4"), total);

        t = System.nanoTime();
        JsonNode compare = ok("/api/analytics/compare?models=v1,v2&limit=20");
        System.out.printf(Locale.ROOT, "BENCH compare v1,v2 over the organization: %.2f s, %s%n", seconds(t),
                compare.get("summary"));
        t = System.nanoTime();
        JsonNode earlier = ok("/api/analytics/compare?models=v1,v2&limit=20&asOf=" + middle);
        System.out.printf(Locale.ROOT, "BENCH compare v1,v2 as of %s (from the ledger): %.2f s, %s%n", middle,
                seconds(t), earlier.get("summary"));
        assertThat(compare.at("/summary/communities").asInt()).isPositive();
        String lane = "analytics-model-v2";
        System.out.printf(Locale.ROOT, "BENCH rows of one version (v2): ledger %,d, member figures %,d, community days"
                + " %,d, rule state %,d (contribution %,d, first view %,d, reaction %,d, solved %,d, accepted %,d,"
                + " applied event %,d); database %s%n",
                count("SELECT count(*) FROM ledger_entry WHERE model = 'v2'"),
                count("SELECT count(*) FROM member_figures WHERE model = 'v2'"),
                count("SELECT count(*) FROM community_day WHERE model = 'v2'"),
                count("SELECT (SELECT count(*) FROM contribution_fact WHERE lane = '" + lane + "')"
                        + " + (SELECT count(*) FROM first_view WHERE lane = '" + lane + "')"
                        + " + (SELECT count(*) FROM reaction_given WHERE lane = '" + lane + "')"
                        + " + (SELECT count(*) FROM solved_question WHERE lane = '" + lane + "')"
                        + " + (SELECT count(*) FROM accepted_answer WHERE lane = '" + lane + "')"
                        + " + (SELECT count(*) FROM applied_event WHERE lane = '" + lane + "')"),
                count("SELECT count(*) FROM contribution_fact WHERE lane = '" + lane + "'"),
                count("SELECT count(*) FROM first_view WHERE lane = '" + lane + "'"),
                count("SELECT count(*) FROM reaction_given WHERE lane = '" + lane + "'"),
                count("SELECT count(*) FROM solved_question WHERE lane = '" + lane + "'"),
                count("SELECT count(*) FROM accepted_answer WHERE lane = '" + lane + "'"),
                count("SELECT count(*) FROM applied_event WHERE lane = '" + lane + "'"),
                jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class));
    }

    private void replay(List<String> names, long total) throws Exception {
        long t = System.nanoTime();
        for (String name : names) {
            ResponseEntity<String> created = post("/api/analytics/models", definition(name));
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        }
        for (String name : names) {
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                    ok("/api/analytics/models/" + name + "/progress").get("state").asText().equals("caught-up"));
        }
        double s = seconds(t);
        for (String name : names) {
            JsonNode version = ok("/api/analytics/models/" + name);
            String detail = null;
            for (JsonNode action : version.get("actions")) {
                if (action.get("action").asText().equals("CAUGHT_UP")) {
                    detail = action.get("detail").asText();
                }
            }
            System.out.printf(Locale.ROOT, "BENCH replay of %s (%d at once): %s%n", name, names.size(), detail);
        }
        System.out.printf(Locale.ROOT, "BENCH %d version(s) at once: %,d records each in %.1f s, %.0f events/s per"
                + " version, %.0f events/s in all%n", names.size(), total, s, total / s, names.size() * total / s);
    }

    /** v2 of the issue: accepted answers worth more, views worth nothing. */
    private static String definition(String name) {
        return "{\"name\":\"" + name + "\",\"derivedFrom\":\"v1\",\"productiveShareThreshold\":0.5,\"weights\":{"
                + "\"QUESTION_POSTED\":1,\"ANSWER_POSTED\":3,\"POST_POSTED\":2,\"IDEA_POSTED\":2,\"ANSWER_RECEIVED\":2,"
                + "\"CONTRIBUTION_VIEWED\":0,\"LIKE_RECEIVED\":0.5,\"THANKS_RECEIVED\":1,\"THANKS_GIVEN\":1,"
                + "\"USEFUL_RECEIVED\":0.5,\"USEFUL_GIVEN\":1,\"ANSWER_ACCEPTED_BY_QUESTION_AUTHOR\":8,"
                + "\"ANSWER_ACCEPTED_FOR_ANSWER_AUTHOR\":5,\"OUTCOME_LINKED_AUTHOR\":2,\"OUTCOME_RECORDED\":1}}";
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private JsonNode ok(String path) throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth("dana", "dana").getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("dana", "dana");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
