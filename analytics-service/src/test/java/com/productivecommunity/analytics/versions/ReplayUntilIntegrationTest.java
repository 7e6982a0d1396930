package com.productivecommunity.analytics.versions;

import static com.productivecommunity.analytics.versions.ModelVersionsTesting.V1_WEIGHTS;
import static com.productivecommunity.analytics.versions.ModelVersionsTesting.V2_WEIGHTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.analytics.ledger.ModelLanes;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.support.projection.ProjectionAdmin;
import com.productivecommunity.support.projection.ProjectionPositions;
import com.productivecommunity.support.projection.TestEventPublisher;
import com.productivecommunity.support.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * What-if up to a point (issue 13, item 6) over HTTP, on real PostgreSQL and an embedded KRaft broker: versions
 * created with {@code until} = the instant the answer was accepted apply that event (at the instant: included) and
 * none of the later ones (the outcome a microsecond after it, an idea later, an event published after they caught
 * up); a version with v1's weights up to the instant says exactly what v1 says as of it (ledger entry for entry,
 * member, community, timeline, ledger reads), one with v2's weights what v2 says as of it, also compared with
 * v1; it cannot be promoted, keeps its until when its lane is registered again at start, replays to the same
 * ledger, and a malformed {@code until} is a 400 naming it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "platform.projection.poll-timeout=100ms",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = "community-events")
class ReplayUntilIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);


    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("analytics_until") + "?reWriteBatchedInserts=true");
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ProjectionPositions positions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private ProjectionAdmin admin;
    @Autowired
    private ModelVersions versions;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    private static String definition(String name, double threshold, String weights, String until) {
        return "{\"name\":\"" + name + "\",\"derivedFrom\":\"v1\",\"productiveShareThreshold\":" + threshold
                + ",\"weights\":" + weights + (until == null ? "" : ",\"until\":" + until) + "}";
    }

    @Test
    void aVersionUpToAnInstantSaysWhatItsWeightsSaidThenAndIgnoresEverythingLater() throws Exception {
        Events e = new Events();
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("bob", question);
        CommunityEvent accepted;
        List<CommunityEvent> history = new ArrayList<>(List.of(e.founded("carol"),
                e.joined("alice", "learn predictive maintenance"), e.joined("bob", null), question, answer,
                e.viewed("alice", answer), e.reacted("alice", answer, ReactionKind.THANKS),
                e.reacted("bob", question, ReactionKind.LIKE), accepted = e.accepted(question, answer)));
        Instant until = accepted.occurredAt(); // the boundary: an event at until is applied
        CommunityEvent outcome = e.at(until.minusSeconds(1).plusNanos(1_000)).outcome("carol", "12", answer);
        CommunityEvent idea = e.posted("alice", ContributionKind.IDEA);
        history.add(outcome); // a microsecond after until: not applied
        history.add(idea);
        assertThat(outcome.occurredAt()).isEqualTo(until.plusNanos(1_000));
        String community = "/api/analytics/communities/" + e.communityId;

        try (TestEventPublisher publisher = new TestEventPublisher(brokers, "community-events")) {
            deliver(publisher, history);

            // A malformed until is a 400 naming it; nothing is created.
            badRequest(definition("q3", 0.5, V1_WEIGHTS, "\"end of Q3\""), "until");
            badRequest(definition("q3", 0.5, V1_WEIGHTS, "\"2026-11-26T09:00:09\""), "until"); // no zone
            badRequest(definition("q3", 0.5, V1_WEIGHTS, "1795000000"), "until");
            badRequest(definition("q3", 0.5, V1_WEIGHTS, "\"" + Instant.now().plusSeconds(3600) + "\""), "until");
            badRequest(definition("q3", 0.5, V1_WEIGHTS, "\"2026-11-26T09:00:09.0000001Z\""), "until");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM model_version", Integer.class)).isEqualTo(1);

            // q3: v1's weights up to until; v2 and v2q3: v2's weights, without and with until (the offset form).
            String untilWithOffset = "\"" + until.atOffset(ZoneOffset.ofHours(2)) + "\"";
            ResponseEntity<String> created = post("dana", "/api/analytics/models",
                    definition("q3", 0.5, V1_WEIGHTS, "\"" + until + "\""));
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
            assertThat(json.readTree(created.getBody()).get("until").asText()).isEqualTo(until.toString());
            assertThat(post("dana", "/api/analytics/models", definition("v2", 0.6, V2_WEIGHTS, null))
                    .getStatusCode().value()).isEqualTo(201);
            assertThat(post("dana", "/api/analytics/models", definition("v2q3", 0.6, V2_WEIGHTS, untilWithOffset))
                    .getStatusCode().value()).isEqualTo(201);
            awaitCaughtUp("q3");
            awaitCaughtUp("v2");
            awaitCaughtUp("v2q3");

            // Listed and shown with its until, stored in its column; progress reports it, every event counted done.
            JsonNode q3 = ok("erin", "/api/analytics/models/q3");
            assertThat(q3.get("until").asText()).isEqualTo(until.toString());
            assertThat(q3.get("state").asText()).isEqualTo("caught-up");
            assertThat(q3.at("/actions/0/detail").asText()).contains("events up to " + until);
            JsonNode list = ok("dana", "/api/analytics/models");
            assertThat(list.get(0).get("until").isNull()).isTrue(); // v1
            assertThat(list.get(3).get("name").asText()).isEqualTo("v2q3");
            assertThat(list.get(3).get("until").asText()).isEqualTo(until.toString());
            assertThat(jdbc.queryForObject("SELECT replay_until FROM model_version WHERE name = 'q3'",
                    OffsetDateTime.class).toInstant()).isEqualTo(until);
            JsonNode progress = ok("dana", "/api/analytics/models/q3/progress");
            assertThat(progress.get("until").asText()).isEqualTo(until.toString());
            assertThat(progress.get("eventsDone").asLong()).isEqualTo(progress.get("eventsTotal").asLong())
                    .isEqualTo(history.size());
            assertThat(ok("dana", "/api/analytics/models/v2/progress").get("until").isNull()).isTrue();

            // Ledger entry for entry: q3's is v1's of the events that occurred at or before until, v2q3's is v2's.
            List<Map<String, Object>> q3Ledger = ledger("q3", null);
            assertThat(q3Ledger).isEqualTo(ledger("v1", until)).hasSizeGreaterThan(8);
            assertThat(ledger("v2q3", null)).isEqualTo(ledger("v2", until)).isNotEqualTo(q3Ledger);
            assertThat(eventIds("q3")).contains(accepted.eventId().toString())
                    .doesNotContain(outcome.eventId().toString(), idea.eventId().toString());
            assertThat(eventIds("v1")).contains(outcome.eventId().toString(), idea.eventId().toString());

            // The reads: q3 now is v1 as of until, and not v1 now (the outcome and the idea are left out).
            for (String path : List.of("/members/alice", "/members/bob", "", "/members/bob/ledger",
                    "/members/carol/ledger", "/timeline?bucket=week")) {
                String sep = path.contains("?") ? "&" : "?";
                JsonNode whatIf = withoutModel(ok("dana", community + path + sep + "model=q3&asOf=" + until));
                assertThat(whatIf).as(path).isEqualTo(withoutModel(ok("dana", community + path + sep + "asOf=" + until)));
                JsonNode whatIfNow = withoutModel(ok("dana", community + path + sep + "model=q3"));
                JsonNode v1Now = withoutModel(ok("dana", community + path));
                assertThat(whatIfNow).as(path).isNotEqualTo(v1Now);
                if (!path.contains("timeline")) { // the timeline runs on to now, carrying its totals forward
                    assertThat(whatIfNow).as(path).isEqualTo(whatIf);
                }
            }
            JsonNode timeline = ok("dana", community + "/timeline?bucket=day&model=q3").get("points");
            JsonNode v1AtUntil = ok("dana", community + "/timeline?bucket=day&asOf=" + until).get("points");
            assertThat(timeline.size()).isGreaterThan(1); // 2026-11-26 through today
            ObjectNode last = timeline.get(timeline.size() - 1).deepCopy();
            ObjectNode v1Last = v1AtUntil.get(v1AtUntil.size() - 1).deepCopy();
            last.remove("start");
            v1Last.remove("start");
            assertThat(last).isEqualTo(v1Last);
            assertThat(ok("carol", community + "?model=q3").get("organizationBenefit").decimalValue()).isZero();
            assertThat(ok("carol", community + "?model=q3").get("productive").asBoolean()).isFalse();
            assertThat(ok("carol", community).get("productive").asBoolean()).isTrue();
            assertThat(ok("dana", community + "/members/alice?model=q3").get("contribution").decimalValue())
                    .isEqualByComparingTo("1"); // the idea after until is not counted
            assertThat(ok("dana", community + "/members/alice").get("contribution").decimalValue())
                    .isEqualByComparingTo("3");
            // The accepted answer (at until) is counted: alice's 5, bob's 3.
            assertThat(ok("dana", community + "/members/alice?model=q3").get("benefit").decimalValue())
                    .isEqualByComparingTo(ok("dana", community + "/members/alice?asOf=" + until.minusNanos(1_000))
                            .get("benefit").decimalValue().add(java.math.BigDecimal.valueOf(5)));

            // Compare v1 with v2 up to until: what v1 and v2 both said as of until.
            JsonNode whatIf = ok("dana", "/api/analytics/compare?models=v1,v2q3&community=" + e.communityId
                    + "&asOf=" + until);
            JsonNode asOf = ok("dana", "/api/analytics/compare?models=v1,v2&community=" + e.communityId
                    + "&asOf=" + until);
            assertThat(whatIf.get("members")).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(whatIf.at("/members/" + i + "/memberId")).isEqualTo(asOf.at("/members/" + i + "/memberId"));
                assertThat(whatIf.at("/members/" + i + "/figures/v2q3")).isEqualTo(asOf.at("/members/" + i + "/figures/v2"));
                assertThat(whatIf.at("/members/" + i + "/difference")).isEqualTo(asOf.at("/members/" + i + "/difference"));
            }
            assertThat(whatIf.at("/communities/0/figures/v2q3")).isEqualTo(asOf.at("/communities/0/figures/v2"));
            // v1 now against v1 up to until: the community's verdict flips (the outcome is after until).
            JsonNode selfCompare = ok("dana", "/api/analytics/compare?models=v1,q3&community=" + e.communityId);
            assertThat(selfCompare.at("/communities/0/verdictFlipped").asBoolean()).isTrue();
            assertThat(selfCompare.at("/communities/0/difference/organizationBenefit").decimalValue())
                    .isEqualByComparingTo("-12");
            JsonNode sameInstant = ok("dana", "/api/analytics/compare?models=v1,q3&community=" + e.communityId
                    + "&asOf=" + until);
            assertThat(sameInstant.at("/summary/communitiesFlipped").asInt()).isZero();
            sameInstant.get("members").forEach(m ->
                    assertThat(m.at("/difference/balance").decimalValue()).isZero());

            // A what-if version is never the default.
            ResponseEntity<String> promote = post("dana", "/api/analytics/models/q3/promote", null);
            assertThat(promote.getStatusCode().value()).as(promote.getBody()).isEqualTo(409);
            assertThat(json.readTree(promote.getBody()).get("detail").asText()).contains("until " + until);
            assertThat(ok("carol", community).get("model").asText()).isEqualTo("v1");

            // It does not follow new events beyond until: they are read (progress moves on), not applied.
            Events later = new Events(e.communityId, idea.occurredAt().plusSeconds(60));
            CommunityEvent newer = later.posted("bob", ContributionKind.POST);
            deliver(publisher, List.of(newer));
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                JsonNode p = ok("dana", "/api/analytics/models/q3/progress");
                assertThat(p.get("eventsDone").asLong()).isEqualTo(history.size() + 1);
                assertThat(p.get("state").asText()).isEqualTo("caught-up");
                JsonNode p2 = ok("dana", "/api/analytics/models/v2q3/progress");
                assertThat(p2.get("eventsDone").asLong()).isEqualTo(history.size() + 1);
                assertThat(eventIds("v2")).contains(newer.eventId().toString());
            });
            assertThat(ledger("q3", null)).isEqualTo(q3Ledger);
            assertThat(eventIds("v2q3")).doesNotContain(newer.eventId().toString());

            // At start the lanes are registered again from model_version, each with its stored until.
            // (created one right after the other, they may share one lane: every created lane is unregistered)
            for (String lane : admin.names()) {
                if (lane.startsWith(ModelLanes.laneOf(""))) {
                    admin.unregister(lane).join();
                }
            }
            versions.afterSingletonsInstantiated();
            CommunityEvent afterRestart = later.posted("alice", ContributionKind.IDEA);
            deliver(publisher, List.of(afterRestart));
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(ok("dana", "/api/analytics/models/q3/progress").get("eventsDone").asLong())
                        .isEqualTo(history.size() + 2);
                assertThat(ok("dana", "/api/analytics/models/v2q3/progress").get("eventsDone").asLong())
                        .isEqualTo(history.size() + 2);
                assertThat(eventIds("v2")).contains(afterRestart.eventId().toString());
            });
            assertThat(ledger("q3", null)).isEqualTo(q3Ledger);
            assertThat(eventIds("v2q3")).doesNotContain(afterRestart.eventId().toString());

            // Replayed again: the same ledger, entry for entry; the replay is recorded with its until.
            ResponseEntity<String> replay = post("dana", "/api/analytics/models/q3/replay", null);
            assertThat(replay.getStatusCode().value()).as(replay.getBody()).isEqualTo(202);
            assertThat(json.readTree(replay.getBody()).get("until").asText()).isEqualTo(until.toString());
            awaitCaughtUp("q3");
            assertThat(ledger("q3", null)).isEqualTo(q3Ledger);
            List<String> details = new ArrayList<>();
            ok("dana", "/api/analytics/models/q3").get("actions").forEach(a -> {
                if (a.get("action").asText().equals("REPLAY")) {
                    details.add(a.get("detail").asText());
                }
            });
            // the creation's, those of versions joining its lane if any (a restart of the lane), this one
            assertThat(details).hasSizeGreaterThanOrEqualTo(2).allMatch(d -> d.contains("at or before " + until));
        }
    }

    private static JsonNode withoutModel(JsonNode node) {
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("model");
        }
        return copy;
    }

    private List<String> eventIds(String model) {
        return ModelVersionsTesting.eventIds(jdbc, model, null);
    }

    private void badRequest(String body, String field) throws Exception {
        new ModelsHttp(rest, json).badRequest(body, field);
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
