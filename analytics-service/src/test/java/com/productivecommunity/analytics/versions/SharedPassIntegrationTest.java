package com.productivecommunity.analytics.versions;

import static com.productivecommunity.analytics.versions.ModelVersionsTesting.V1_WEIGHTS;
import static com.productivecommunity.analytics.versions.ModelVersionsTesting.V2_WEIGHTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.support.projection.ProjectionAdmin;
import com.productivecommunity.support.projection.ProjectionPositions;
import com.productivecommunity.support.projection.TestEventPublisher;
import com.productivecommunity.support.testing.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Replays of several versions share one pass over the topic (issue 13), over HTTP on real PostgreSQL and an embedded
 * KRaft broker: v3 created while v2's replay has not begun joins v2's lane (one projection, one Kafka group, one rule
 * state), both catch up together, and each has the ledger and figures, row for row, of the same version replayed in
 * a lane of its own (v2 stops at an instant: it also has v1's ledger up to it); replayed again the lane replays
 * both, refused once the other is the default; the lane is registered once again at start; retiring v2 deletes its
 * rows only and the lane goes on for v3, which follows new events live.
 *
 * <p>Deterministic without sleeping: a SHARE lock on {@code ledger_entry}, held by the test, stops v2's lane at its
 * first batch with entries (nothing of it committed: at most the few leading events that award nothing), so v3 finds
 * v2's replay early; the lock is let go once v3's creation is stopping v2's lane to restart it with both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "platform.projection.poll-timeout=100ms",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = "community-events")
class SharedPassIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LANE = "analytics-model-v2";


    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("analytics_shared") + "?reWriteBatchedInserts=true");
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ProjectionPositions positions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ProjectionAdmin admin;
    @Autowired
    private ModelVersions versions;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    private static String definition(String name, String weights, Instant until) {
        return "{\"name\":\"" + name + "\",\"derivedFrom\":\"v1\",\"productiveShareThreshold\":0.5,\"weights\":"
                + weights + (until == null ? "" : ",\"until\":\"" + until + "\"") + "}";
    }

    @Test
    void versionsCreatedTogetherShareOnePassAndGetWhatTheyGetAlone() throws Exception {
        Events e = new Events();
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("bob", question);
        ContributionPosted idea = e.posted("frank", ContributionKind.IDEA);
        CommunityEvent accepted;
        List<CommunityEvent> history = new ArrayList<>(List.of(e.founded("carol"),
                e.joined("alice", "learn predictive maintenance"), e.joined("bob", null), e.joined("frank", null),
                question, answer, e.viewed("alice", answer), e.viewed("frank", answer),
                e.reacted("alice", answer, ReactionKind.THANKS), e.reacted("bob", question, ReactionKind.LIKE),
                idea, e.reacted("alice", idea, ReactionKind.USEFUL), accepted = e.accepted(question, answer)));
        Instant until = accepted.occurredAt(); // v2 stops here: everything below counts for v3 only
        ContributionPosted second = e.posted("frank", ContributionKind.QUESTION);
        ContributionPosted reply = e.answer("alice", second);
        history.addAll(List.of(e.outcome("carol", "12", answer), second, reply, e.viewed("bob", reply),
                e.viewed("bob", reply), e.reacted("frank", reply, ReactionKind.USEFUL), e.accepted(second, reply),
                e.retracted(idea), e.hidden("carol", reply)));
        Events other = new Events(UUID.randomUUID(), Instant.parse("2026-11-27T10:00:00Z"));
        ContributionPosted post = other.posted("grace", ContributionKind.POST);
        history.addAll(List.of(other.founded("grace"), other.joined("dana", null), post, other.viewed("dana", post),
                other.reacted("dana", post, ReactionKind.LIKE), other.outcome("grace", "3.5", post)));
        Events later = new Events(e.communityId, Instant.parse("2026-11-30T09:00:00Z"));

        try (TestEventPublisher publisher = new TestEventPublisher(brokers, "community-events")) {
            deliver(publisher, history);

            // v2's replay is held at its first batch with entries; v3 is created meanwhile and joins its lane.
            CompletableFuture<ResponseEntity<String>> v3;
            try (Connection hold = dataSource.getConnection()) {
                hold.setAutoCommit(false);
                try (var statement = hold.createStatement()) {
                    statement.execute("LOCK TABLE ledger_entry IN SHARE MODE");
                }
                ResponseEntity<String> v2 = post("dana", "/api/analytics/models", definition("v2", V1_WEIGHTS, until));
                assertThat(v2.getStatusCode().value()).as(v2.getBody()).isEqualTo(201);
                assertThat(json.readTree(v2.getBody()).get("lane").asText()).isEqualTo(LANE);
                assertThat(json.readTree(v2.getBody()).get("sharedWith")).isEmpty();
                v3 = CompletableFuture.supplyAsync(() -> post("dana", "/api/analytics/models",
                        definition("v3", V2_WEIGHTS, null)));
                // v3 has decided once it stops v2's lane (to restart it with both); a v3 of its own would not stop it
                Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                        .until(() -> v3.isDone() || !admin.names().contains(LANE)
                                || admin.status(LANE).state().equals("STOPPING"));
                hold.rollback();
            }
            ResponseEntity<String> created = v3.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
            assertThat(json.readTree(created.getBody()).get("lane").asText()).isEqualTo(LANE);
            assertThat(json.readTree(created.getBody()).get("sharedWith").toString()).isEqualTo("[\"v2\"]");

            // One lane, one projection; both catch up together, with the lane's progress.
            awaitCaughtUp("v2");
            awaitCaughtUp("v3");
            assertThat(admin.names()).contains(LANE).doesNotContain("analytics-model-v3");
            JsonNode list = ok("erin", "/api/analytics/models");
            assertThat(list.get(1).get("name").asText()).isEqualTo("v2");
            assertThat(list.get(1).get("sharedWith").toString()).isEqualTo("[\"v3\"]");
            assertThat(list.get(2).get("lane").asText()).isEqualTo(LANE);
            assertThat(list.get(0).get("sharedWith")).isEmpty(); // v1, alone in the default lane
            JsonNode p2 = ok("dana", "/api/analytics/models/v2/progress");
            JsonNode p3 = ok("dana", "/api/analytics/models/v3/progress");
            assertThat(p2.get("eventsDone").asLong()).isEqualTo(p3.get("eventsDone").asLong())
                    .isEqualTo(p2.get("eventsTotal").asLong()).isEqualTo(history.size());
            assertThat(p2.get("caughtUpAt")).isEqualTo(p3.get("caughtUpAt"));
            assertThat(p2.get("replayStartedAt")).isEqualTo(p3.get("replayStartedAt"));
            assertThat(details("v3", "REPLAY")).hasSize(1).allMatch(d -> d.contains("in one pass with v2"));
            assertThat(details("v2", "REPLAY")).hasSize(2);
            assertThat(details("v2", "REPLAY").get(1)).contains("in one pass with v3");
            assertThat(details("v2", "CAUGHT_UP")).hasSize(1).allMatch(d -> d.contains("one pass for v2, v3"));
            assertThat(details("v3", "CAUGHT_UP")).hasSize(1).allMatch(d -> d.contains("one pass for v2, v3"));

            // Row for row what each gets alone (created one after the other has caught up: lanes of their own).
            List<List<Object>> v2Rows = rows("v2");
            List<List<Object>> v3Rows = rows("v3");
            assertThat(v2Rows).hasSizeGreaterThan(20);
            assertThat(v3Rows).hasSizeGreaterThan(v2Rows.size()); // v3 counts the events after until too
            assertThat(eventIds("v2")).contains(accepted.eventId().toString()).hasSize(eventIds("v1", until).size());
            assertThat(ledger("v2", null)).isEqualTo(ledger("v1", until)); // v1 up to until, entry for entry
            ResponseEntity<String> alone2 = post("dana", "/api/analytics/models", definition("v2alone", V1_WEIGHTS, until));
            assertThat(json.readTree(alone2.getBody()).get("sharedWith")).isEmpty();
            awaitCaughtUp("v2alone");
            ResponseEntity<String> alone3 = post("dana", "/api/analytics/models", definition("v3alone", V2_WEIGHTS, null));
            assertThat(json.readTree(alone3.getBody()).get("lane").asText()).isEqualTo("analytics-model-v3alone");
            awaitCaughtUp("v3alone");
            assertThat(rows("v2alone")).isEqualTo(v2Rows);
            assertThat(rows("v3alone")).isEqualTo(v3Rows);

            // Replayed again: the lane is one pass, so both are replayed; the same rows again.
            ResponseEntity<String> replay = post("dana", "/api/analytics/models/v3/replay", null);
            assertThat(replay.getStatusCode().value()).as(replay.getBody()).isEqualTo(202);
            awaitCaughtUp("v3");
            awaitCaughtUp("v2");
            assertThat(rows("v2")).isEqualTo(v2Rows);
            assertThat(rows("v3")).isEqualTo(v3Rows);
            assertThat(details("v2", "REPLAY")).hasSize(3);
            assertThat(details("v2", "REPLAY").get(2)).contains("in one pass with v3 (its replay was asked for)");
            // Once v3 is the default, replaying v2 would show readers a half-built default.
            assertThat(post("dana", "/api/analytics/models/v3/promote", null).getStatusCode().value()).isEqualTo(200);
            ResponseEntity<String> refused = post("dana", "/api/analytics/models/v2/replay", null);
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
            assertThat(refused.getBody()).contains("v3 is the default");

            // At start, one projection per lane with every version of it not retired.
            for (String name : admin.names()) {
                if (name.startsWith("analytics-model-")) {
                    admin.unregister(name).join();
                }
            }
            versions.afterSingletonsInstantiated();
            assertThat(admin.names()).contains(LANE, "analytics-model-v2alone", "analytics-model-v3alone")
                    .doesNotContain("analytics-model-v3");
            CommunityEvent afterRestart = later.posted("bob", ContributionKind.POST);
            deliver(publisher, List.of(afterRestart));
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(eventIds("v3")).contains(afterRestart.eventId().toString());
                assertThat(ok("dana", "/api/analytics/models/v2/progress").get("eventsDone").asLong())
                        .isEqualTo(history.size() + 1);
            });
            assertThat(ledger("v2", null)).isEqualTo(ledger("v1", until)); // the new event is after until

            // Retire v2: its rows go, the lane goes on for v3 (offsets and rule state kept), following new events.
            ResponseEntity<String> retired = post("dana", "/api/analytics/models/v2/retire", null);
            assertThat(retired.getStatusCode().value()).as(retired.getBody()).isEqualTo(200);
            assertThat(json.readTree(retired.getBody()).get("sharedWith")).isEmpty();
            assertThat(details("v2", "RETIRE")).hasSize(1).allMatch(d -> d.contains("goes on for v3"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE model = 'v2'", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM member_figures WHERE model = 'v2'", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM contribution_fact WHERE lane = ?", Integer.class, LANE))
                    .isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM projection_offset WHERE projection = ?", Integer.class,
                    LANE)).isPositive();
            assertThat(admin.names()).contains(LANE);
            assertThat(ok("dana", "/api/analytics/models/v3").get("sharedWith")).isEmpty();
            assertThat(ok("dana", "/api/analytics/models/v3").get("state").asText()).isEqualTo("caught-up");
            ContributionPosted afterRetire = later.posted("alice", ContributionKind.IDEA);
            CommunityEvent thanked = later.reacted("frank", afterRetire, ReactionKind.THANKS);
            deliver(publisher, List.of(afterRetire, thanked));
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(eventIds("v3")).contains(afterRetire.eventId().toString(), thanked.eventId().toString());
                assertThat(ok("dana", "/api/analytics/models/v3/progress").get("eventsDone").asLong())
                        .isEqualTo(history.size() + 3);
            });
            assertThat(ok("dana", "/api/analytics/communities/" + e.communityId + "/members/alice")
                    .get("model").asText()).isEqualTo("v3");
            // v3's rows are still what v3 alone has (v3alone follows the same events)
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(rows("v3alone")).isEqualTo(rows("v3")));
        }
    }

    private List<String> details(String model, String action) throws Exception {
        List<String> details = new ArrayList<>();
        ok("dana", "/api/analytics/models/" + model).get("actions").forEach(a -> {
            if (a.get("action").asText().equals(action)) {
                details.add(a.get("detail").asText());
            }
        });
        return details;
    }

    private List<String> eventIds(String model) {
        return eventIds(model, null);
    }

    private List<String> eventIds(String model, Instant until) {
        return ModelVersionsTesting.eventIds(jdbc, model, until);
    }

    /** A model's rows without its name and the ledger's ids, in a fixed order. */
    private List<List<Object>> rows(String model) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("SELECT event_id::text, event_type, occurred_at, community_id::text, member_id, signal,"
                + " contribution::text, benefit::text, organization_benefit::text, reason, contribution_id::text"
                + " FROM ledger_entry WHERE model = ? ORDER BY event_id, member_id, signal", rs -> {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= 11; i++) {
                        row.add(i == 3 ? rs.getObject(i, OffsetDateTime.class).toInstant() : rs.getString(i));
                    }
                    rows.add(row);
                }, model);
        rows.add(List.of("member_figures"));
        rows.addAll(jdbc.query("SELECT community_id::text, member_id, contribution::text, benefit::text FROM member_figures"
                + " WHERE model = ? ORDER BY 1, 2", (rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)), model));
        rows.add(List.of("community_figures"));
        rows.addAll(jdbc.query("SELECT community_id::text, contribution::text, benefit::text,"
                + " organization_benefit::text, active_members, members_benefiting_more, coalesce(last_day::text, '-')"
                + " FROM community_figures WHERE model = ? ORDER BY 1", (rs, n) -> List.<Object>of(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                        rs.getString(7)), model));
        rows.add(List.of("community_day"));
        rows.addAll(jdbc.query("SELECT community_id::text, day::text, contribution::text, benefit::text,"
                + " organization_benefit::text, active_members, members_benefiting_more FROM community_day"
                + " WHERE model = ? ORDER BY 1, 2", (rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7)), model));
        return rows;
    }

    private List<Map<String, Object>> ledger(String model, Instant until) {
        return ModelVersionsTesting.ledger(jdbc, model, until);
    }

    private void awaitCaughtUp(String model) {
        new ModelsHttp(rest, json).awaitCaughtUp(model, WAIT);
    }

    private void deliver(TestEventPublisher publisher, List<CommunityEvent> events) throws InterruptedException {
        ModelVersionsTesting.deliver(publisher, positions, events, WAIT);
    }

    private ResponseEntity<String> get(String user, String path) {
        return new ModelsHttp(rest, json).get(user, path);
    }

    private JsonNode ok(String user, String path) throws Exception {
        return new ModelsHttp(rest, json).ok(user, path);
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        return new ModelsHttp(rest, json).post(user, path, body);
    }
}
