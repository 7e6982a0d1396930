package com.productivecommunity.analytics.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.support.projection.ProjectionPositions;
import com.productivecommunity.support.projection.TestEventPublisher;
import com.productivecommunity.support.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analyst's whole job over HTTP, on real PostgreSQL and an embedded KRaft broker: the worked example,
 * a v2 created (answers cost more, accepted answers are worth more, views nothing, a stricter threshold), its
 * replay watched to caught-up (also as a stream), v1 and v2 compared (bob's verdict and the community's flip),
 * v2 promoted while v1 stays readable by name, v2 following new events live, a version replayed twice giving
 * the same ledger entry for entry, as-of reads, and retirement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "platform.projection.poll-timeout=100ms",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = "community-events")
class ModelVersionsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String V2 = """
            {"name":"v2","description":"Answers cost more, accepted answers are worth more, views nothing",
             "derivedFrom":"v1","productiveShareThreshold":0.6,
             "weights":{"QUESTION_POSTED":1,"ANSWER_POSTED":10,"POST_POSTED":2,"IDEA_POSTED":2,"ANSWER_RECEIVED":2,
               "CONTRIBUTION_VIEWED":0,"LIKE_RECEIVED":0.5,"THANKS_RECEIVED":1,"THANKS_GIVEN":1,
               "USEFUL_RECEIVED":0.5,"USEFUL_GIVEN":1,"ANSWER_ACCEPTED_BY_QUESTION_AUTHOR":10,
               "ANSWER_ACCEPTED_FOR_ANSWER_AUTHOR":3,"OUTCOME_LINKED_AUTHOR":2,"OUTCOME_RECORDED":1}}""";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("analytics_models") + "?reWriteBatchedInserts=true");
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ProjectionPositions positions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Test
    void analystsCreateReplayCompareAndPromoteAVersion() throws Exception {
        Events e = new Events();
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("bob", question);
        List<CommunityEvent> history = List.of(e.founded("carol"), e.joined("alice", "learn predictive maintenance"),
                e.joined("bob", null), question, answer, e.viewed("alice", answer),
                e.reacted("alice", answer, ReactionKind.THANKS), e.reacted("bob", question, ReactionKind.LIKE),
                e.accepted(question, answer), e.outcome("carol", "12", answer));
        String community = "/api/analytics/communities/" + e.communityId;
        try (TestEventPublisher publisher = new TestEventPublisher(brokers, "community-events")) {
            deliver(publisher, history);

            // v1 is seeded from the shipped file, the default, caught up.
            JsonNode list = ok("dana", "/api/analytics/models");
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("name").asText()).isEqualTo("v1");
            assertThat(list.get(0).get("isDefault").asBoolean()).isTrue();
            assertThat(list.get(0).get("state").asText()).isEqualTo("caught-up");
            assertThat(list.get(0).at("/weights/ANSWER_POSTED").decimalValue()).isEqualByComparingTo("3");
            assertThat(list.get(0).at("/actions/0/action").asText()).isEqualTo("SEED");

            // Who may, and what a definition must be.
            assertThat(post("alice", "/api/analytics/models", V2).getStatusCode().value()).isEqualTo(403);
            assertThat(get("alice", "/api/analytics/models").getStatusCode().value()).isEqualTo(403);
            badRequest(V2.replace("\"name\":\"v2\",", ""), "name");
            badRequest(V2.replace("\"name\":\"v2\"", "\"name\":\"v 2\""), "name");
            badRequest(V2.replace("\"QUESTION_POSTED\":1", "\"QUESTION_ASKED\":1"), "weights.QUESTION_ASKED");
            badRequest(V2.replace("\"LIKE_RECEIVED\":0.5", "\"LIKE_RECEIVED\":-0.5"), "weights.LIKE_RECEIVED");
            badRequest(V2.replace("\"LIKE_RECEIVED\":0.5", "\"LIKE_RECEIVED\":\"0.5\""), "weights.LIKE_RECEIVED");
            badRequest(V2.replace("0.6", "1.5"), "productiveShareThreshold");
            badRequest(V2.replace("\"productiveShareThreshold\":0.6,", ""), "productiveShareThreshold");
            badRequest(V2.replace("\"productiveShareThreshold\"", "\"threshold\""), "threshold");
            badRequest(V2.replace("\"derivedFrom\":\"v1\"", "\"derivedFrom\":\"v0\""), "derivedFrom");
            badRequest(V2.replace("\"derivedFrom\":\"v1\"", "\"derivedFrom\":7"), "derivedFrom");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM model_version", Integer.class)).isEqualTo(1);

            // Create v2: it replays from the first event beside v1.
            ResponseEntity<String> created = post("dana", "/api/analytics/models", V2);
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
            assertThat(json.readTree(created.getBody()).get("createdBy").asText()).isEqualTo("dana");
            assertThat(post("dana", "/api/analytics/models", V2).getStatusCode().value()).isEqualTo(409);
            awaitCaughtUp("v2");
            JsonNode progress = ok("dana", "/api/analytics/models/v2/progress");
            assertThat(progress.get("eventsDone").asLong()).isEqualTo(progress.get("eventsTotal").asLong())
                    .isGreaterThanOrEqualTo(history.size());
            assertThat(progress.get("etaSeconds").asLong()).isZero();
            String stream = stream("erin", "/api/analytics/models/v2/progress/stream");
            assertThat(stream).contains("event:progress").contains("\"state\":\"caught-up\"");

            // The default did not move: v1 without ?model=, v2 by name.
            assertFigures(community + "/members/alice", "v1", "1", "8.7");
            assertFigures(community + "/members/alice?model=v2", "v2", "1", "13.5");
            assertFigures(community + "/members/bob?model=v2", "v2", "10", "6");
            assertThat(ok("carol", community + "?model=v2").get("productive").asBoolean()).isFalse();
            assertThat(ok("carol", community).get("productive").asBoolean()).isTrue();

            // Compare: bob's balance changes most and his verdict flips; so does the community's.
            JsonNode compare = ok("dana", "/api/analytics/compare?models=v1,v2&community=" + e.communityId);
            assertThat(compare.at("/members/0/memberId").asText()).isEqualTo("bob");
            assertThat(compare.at("/members/0/difference/balance").decimalValue()).isEqualByComparingTo("-7");
            assertThat(compare.at("/members/0/verdictFlipped").asBoolean()).isTrue();
            assertThat(compare.at("/members/0/figures/v1/balance").decimalValue()).isEqualByComparingTo("3");
            assertThat(compare.at("/members/0/figures/v2/balance").decimalValue()).isEqualByComparingTo("-4");
            assertThat(compare.at("/members/1/memberId").asText()).isEqualTo("alice");
            assertThat(compare.at("/members/1/difference/balance").decimalValue()).isEqualByComparingTo("4.8");
            assertThat(compare.at("/members/1/verdictFlipped").asBoolean()).isFalse();
            assertThat(compare.get("members")).hasSize(2); // carol has organization benefit only: not active
            assertThat(compare.at("/communities/0/verdictFlipped").asBoolean()).isTrue();
            assertThat(compare.at("/communities/0/figures/v1/productive").asBoolean()).isTrue();
            assertThat(compare.at("/communities/0/figures/v2/shareBenefitingMore").decimalValue())
                    .isEqualByComparingTo("0.5");
            assertThat(compare.at("/communities/0/difference/shareBenefitingMore").decimalValue())
                    .isEqualByComparingTo("-0.5");
            assertThat(compare.at("/summary/membersFlipped").asInt()).isEqualTo(1);
            JsonNode organization = ok("erin", "/api/analytics/compare?models=v1,v2");
            assertThat(organization.get("communities")).hasSize(1);
            assertThat(organization.at("/summary/communitiesFlipped").asInt()).isEqualTo(1);
            // As of before the answer was accepted (and before the outcome): nothing productive, bob not yet flipped.
            String beforeAccept = history.get(8).occurredAt().minusMillis(1).toString();
            JsonNode earlier = ok("dana", "/api/analytics/compare?models=v1,v2&community=" + e.communityId
                    + "&asOf=" + beforeAccept);
            assertThat(earlier.at("/communities/0/verdictFlipped").asBoolean()).isFalse();
            assertThat(earlier.at("/communities/0/figures/v1/productive").asBoolean()).isFalse();
            assertThat(get("alice", "/api/analytics/compare?models=v1,v2").getStatusCode().value()).isEqualTo(403);
            assertThat(get("dana", "/api/analytics/compare?models=v1").getStatusCode().value()).isEqualTo(400);
            assertThat(get("dana", "/api/analytics/compare?models=v1,v9").getStatusCode().value()).isEqualTo(404);

            // Promote v2: reads without ?model= switch; v1 stays readable by name.
            assertThat(post("alice", "/api/analytics/models/v2/promote", null).getStatusCode().value()).isEqualTo(403);
            ResponseEntity<String> promoted = post("dana", "/api/analytics/models/v2/promote", null);
            assertThat(promoted.getStatusCode().value()).as(promoted.getBody()).isEqualTo(200);
            assertFigures(community + "/members/alice", "v2", "1", "13.5");
            assertFigures(community + "/members/alice?model=v1", "v1", "1", "8.7");
            assertThat(ok("carol", community).get("model").asText()).isEqualTo("v2");
            assertThat(post("dana", "/api/analytics/models/v2/replay", null).getStatusCode().value()).isEqualTo(409);
            assertThat(post("dana", "/api/analytics/models/v2/retire", null).getStatusCode().value()).isEqualTo(409);
            assertThat(post("dana", "/api/analytics/models/v1/retire", null).getStatusCode().value()).isEqualTo(409);

            // v2 follows new events live.
            Events later = new Events(e.communityId, history.get(9).occurredAt().plusSeconds(60));
            deliver(publisher, List.of(later.posted("alice", ContributionKind.IDEA)));
            Awaitility.await().atMost(WAIT).untilAsserted(() ->
                    assertFigures(community + "/members/alice", "v2", "3", "13.5"));
            // As of before that idea, the promoted default reads as it stood.
            assertFigures(community + "/members/alice?asOf=" + history.get(9).occurredAt(), "v2", "1", "13.5");

            // A version's figures are a pure function of (history, version): v3 has v1's weights, so its ledger is
            // v1's entry for entry; replayed again, it is the same again.
            String v3 = V2.replace("\"name\":\"v2\"", "\"name\":\"v3\"").replace("\"ANSWER_POSTED\":10", "\"ANSWER_POSTED\":3")
                    .replace("\"CONTRIBUTION_VIEWED\":0", "\"CONTRIBUTION_VIEWED\":0.2")
                    .replace("\"ANSWER_ACCEPTED_BY_QUESTION_AUTHOR\":10", "\"ANSWER_ACCEPTED_BY_QUESTION_AUTHOR\":5")
                    .replace("0.6", "0.5");
            assertThat(post("dana", "/api/analytics/models", v3).getStatusCode().value()).isEqualTo(201);
            awaitCaughtUp("v3");
            List<Map<String, Object>> v3Ledger = ledger("v3");
            assertThat(v3Ledger).isEqualTo(ledger("v1")).hasSizeGreaterThan(10);
            ResponseEntity<String> replay = post("dana", "/api/analytics/models/v3/replay", null);
            assertThat(replay.getStatusCode().value()).as(replay.getBody()).isEqualTo(202);
            awaitCaughtUp("v3");
            assertThat(ledger("v3")).isEqualTo(v3Ledger);

            // Retire v3: gone from the reads, its record and actions stay listed.
            assertThat(post("dana", "/api/analytics/models/v3/retire", null).getStatusCode().value()).isEqualTo(200);
            assertThat(get("dana", community + "/members/alice?model=v3").getStatusCode().value()).isEqualTo(404);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE model = 'v3'", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM contribution_fact WHERE lane = 'analytics-model-v3'",
                    Integer.class)).isZero();
            assertThat(post("dana", "/api/analytics/models/v3/promote", null).getStatusCode().value()).isEqualTo(409);
            JsonNode versions = ok("erin", "/api/analytics/models");
            assertThat(versions).hasSize(3);
            assertThat(versions.get(1).get("isDefault").asBoolean()).isTrue();
            List<String> v2Actions = new ArrayList<>();
            versions.get(1).get("actions").forEach(a -> v2Actions.add(a.get("action").asText() + ":" + a.get("actor").asText()));
            assertThat(v2Actions).containsExactly("CREATE:dana", "REPLAY:dana", "CAUGHT_UP:system", "PROMOTE:dana");
            assertThat(versions.get(2).get("state").asText()).isEqualTo("retired");
        }
    }

    private void assertFigures(String path, String model, String contribution, String benefit) throws Exception {
        JsonNode figures = ok("dana", path);
        assertThat(figures.get("model").asText()).as(path).isEqualTo(model);
        assertThat(figures.get("contribution").decimalValue()).as(path).isEqualByComparingTo(contribution);
        assertThat(figures.get("benefit").decimalValue()).as(path).isEqualByComparingTo(benefit);
    }

    private void badRequest(String body, String field) throws Exception {
        new ModelsHttp(rest, json).badRequest(body, field);
    }

    private List<Map<String, Object>> ledger(String model) {
        return ModelVersionsTesting.ledger(jdbc, model, null);
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

    private String stream(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        return new ModelsHttp(rest, json).post(user, path, body);
    }
}
