package com.productivecommunity.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.analytics.ledger.LedgerStore;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.support.projection.VersionOne;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.support.testing.TestDatabases;
import com.productivecommunity.support.projection.EventPosition;
import com.productivecommunity.support.projection.ProjectionAdmin;
import com.productivecommunity.support.projection.ProjectionPositions;
import com.productivecommunity.support.projection.TestEventPublisher;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The whole service: events published to an embedded KRaft broker exactly as command-service publishes
 * them, applied by the projection machinery to real PostgreSQL, read over HTTP — the worked example traced
 * through the ledger, the timeline, the access rules, redelivery, a crash in a batch and a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "platform.projection.poll-timeout=100ms",
    "platform.projection.retry-backoff-initial=100ms",
    "platform.projection.retry-backoff-max=500ms",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.org.apache.zookeeper=WARN"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = "community-events")
@AutoConfigureObservability
class AnalyticsHttpIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        // A database of this test JVM's own: never offsets stored by an earlier run against another broker.
        registry.add("spring.datasource.url", () -> TestDatabases.url("analytics") + "?reWriteBatchedInserts=true");
    }

    private static TestEventPublisher publisher;

    @Autowired
    private TestRestTemplate rest;
    @MockitoSpyBean
    private LedgerStore store;
    @Autowired
    private ProjectionPositions positions;
    @Autowired
    private ProjectionAdmin admin;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @AfterEach
    void forgetInjectedFailures() {
        reset(store);
    }

    @AfterAll
    static void closePublisher() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private TestEventPublisher publisher() {
        if (publisher == null) {
            publisher = new TestEventPublisher(brokers, "community-events");
        }
        return publisher;
    }

    /** Publishes the events and returns the position of each aggregate's last one (X-Await-Position). */
    private List<EventPosition> publish(List<CommunityEvent> events) {
        Map<String, EventPosition> last = new LinkedHashMap<>();
        for (EventEnvelope envelope : publisher().publishAll(events)) {
            last.put(envelope.aggregateId(), new EventPosition(envelope.aggregateId(), envelope.sequence()));
        }
        return new ArrayList<>(last.values());
    }

    /** Publishes the events and waits until the projection has applied them. */
    private List<EventPosition> deliver(List<CommunityEvent> events) throws InterruptedException {
        List<EventPosition> published = publish(events);
        assertThat(positions.awaitApplied(published, WAIT)).as("projection applied " + published).isTrue();
        return published;
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    private JsonNode ok(String user, String path) throws Exception {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode()).as(user + " GET " + path + ": " + response.getBody())
                .isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private static List<CommunityEvent> workedExample(Events e) {
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("bob", question);
        return List.of(e.founded("carol"), e.joined("alice", "learn predictive maintenance"), e.joined("bob", null),
                question, answer, e.viewed("alice", answer), e.reacted("alice", answer, ReactionKind.THANKS),
                e.reacted("bob", question, ReactionKind.LIKE), e.accepted(question, answer),
                e.outcome("carol", "12", answer));
    }

    @Test
    void workedExampleFiguresAreReadableAndTraceableThroughTheLedger() throws Exception {
        Events e = new Events();
        List<CommunityEvent> events = workedExample(e);
        List<EventPosition> published = publish(events);
        String community = "/api/analytics/communities/" + e.communityId;

        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("alice", "alice");
        headers.set("X-Await-Position", published.stream().map(EventPosition::toString)
                .collect(Collectors.joining(",")));
        ResponseEntity<String> aliceRaw = rest.exchange(community + "/members/alice", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(aliceRaw.getHeaders().getFirst("X-Position-Reached")).isEqualTo("true");
        assertThat(aliceRaw.getHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
        assertThat(aliceRaw.getBody()).contains("\"contribution\":1,", "\"benefit\":8.7,", "\"balance\":7.7,",
                "\"ratio\":8.7");
        JsonNode alice = json.readTree(aliceRaw.getBody());
        assertThat(alice.get("communityId").asText()).isEqualTo(e.communityId.toString());
        assertThat(alice.get("memberId").asText()).isEqualTo("alice");
        assertThat(alice.get("model").asText()).isEqualTo("v1");

        JsonNode bob = ok("bob", community + "/members/bob");
        assertThat(bob.get("contribution").decimalValue()).isEqualByComparingTo("3");
        assertThat(bob.get("benefit").decimalValue()).isEqualByComparingTo("6");
        assertThat(bob.get("balance").decimalValue()).isEqualByComparingTo("3");
        assertThat(bob.get("ratio").decimalValue()).isEqualByComparingTo("2");

        JsonNode summary = ok("alice", community);
        assertThat(summary.get("organizationBenefit").decimalValue()).isEqualByComparingTo("12");
        assertThat(summary.get("activeMembers").asInt()).isEqualTo(2);
        assertThat(summary.get("membersBenefitingMore").asInt()).isEqualTo(2);
        assertThat(summary.get("shareBenefitingMore").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(summary.get("productive").asBoolean()).isTrue();
        assertThat(summary.get("model").asText()).isEqualTo("v1");

        Set<String> eventIds = events.stream().map(ev -> ev.eventId().toString()).collect(Collectors.toSet());
        assertLedgerSums("alice", community + "/members/alice/ledger", "1", "8.7", "0", eventIds);
        assertLedgerSums("bob", community + "/members/bob/ledger", "3", "6", "0", eventIds);
        assertLedgerSums("carol", community + "/members/carol/ledger", "0", "0", "12", eventIds);

        JsonNode aliceLedger = ok("alice", community + "/members/alice/ledger");
        assertThat(aliceLedger.get(0).get("eventId").asText()).isEqualTo(events.get(3).eventId().toString());
        assertThat(aliceLedger.get(0).get("eventType").asText()).isEqualTo("ContributionPosted");
        assertThat(aliceLedger.get(0).get("reason").asText()).isEqualTo("posted a question");
        assertThat(Instant.parse(aliceLedger.get(0).get("occurredAt").asText())).isEqualTo(events.get(3).occurredAt());
    }

    @Test
    void figuresPerSegmentFromAHistoryMixingVersionOneAndCurrentEvents() throws Exception {
        Events e = new Events(UUID.randomUUID(), Instant.parse("2026-10-01T09:00:00Z"));
        // Published before segments existed: carol's founding and alice's joining, as version 1.
        List<EventEnvelope> old = new ArrayList<>();
        // (pia, a partner, joined then, when nothing kept partners out of a community for the staff)
        for (CommunityEvent event : List.of(e.founded("carol"), e.joined("alice", "learn predictive maintenance"),
                e.joined("pia", null))) {
            EventEnvelope v1 = VersionOne.of(publisher().envelope(event));
            assertThat(v1.schemaVersion()).isEqualTo(1);
            publisher().publish(v1);
            old.add(v1);
        }
        MemberJoined bob = e.joinedAs("bob", "employee", "remote");
        MemberSegmentsChanged alice = e.segmentsChanged("alice", "employee", "production");
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = e.answer("bob", question);
        List<CommunityEvent> events = List.of(bob, alice, question, answer,
                e.viewed("alice", answer), e.reacted("alice", answer, ReactionKind.THANKS),
                e.reacted("bob", question, ReactionKind.LIKE), e.accepted(question, answer),
                e.outcome("carol", "12", answer));
        deliver(events);
        String community = "/api/analytics/communities/" + e.communityId;

        // The worked example's figures, whatever versions its events came in.
        assertThat(ok("alice", community + "/members/alice").get("benefit").decimalValue()).isEqualByComparingTo("8.7");
        JsonNode segments = ok("bob", community + "/segments");
        assertThat(segments.get("model").asText()).isEqualTo("v1");
        JsonNode rows = segments.get("segments");
        assertThat(rows.findValuesAsText("segment")).containsExactly("employee", "remote", "production", "unknown");
        assertSegment(rows.get(0), 2, 2, "4", "14.7", 2, true);   // alice and bob
        assertSegment(rows.get(1), 1, 1, "3", "6", 1, true);      // bob
        assertSegment(rows.get(2), 1, 1, "1", "8.7", 1, true);    // alice
        assertSegment(rows.get(3), 2, 0, "0", "0", 0, false);     // carol and pia, who joined before segments
        assertThat(rows.get(0).get("shareBenefitingMore").decimalValue()).isEqualByComparingTo("1");
        assertThat(rows.get(3).get("shareBenefitingMore").decimalValue()).isEqualByComparingTo("0");

        // Before alice's segments were recorded she counted as unknown, and nothing was awarded yet.
        JsonNode before = ok("erin", community + "/segments?asOf=" + alice.occurredAt().minusMillis(1));
        assertThat(before.get("segments").findValuesAsText("segment")).containsExactly("employee", "remote", "unknown");
        assertSegment(before.get("segments").get(2), 3, 0, "0", "0", 0, false);

        assertThat(get("frank", community + "/segments").getStatusCode()).as("not a member").isEqualTo(HttpStatus.FORBIDDEN);
        // pia's membership from before gives a partner nothing of a community for the staff, but her own figures.
        for (String path : List.of(community, community + "/segments", community + "/timeline",
                community + "/trail")) {
            assertThat(get("pia", path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(get("pia", community + "/members/pia").getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode organization = ok("dana", "/api/analytics/segments");
        assertThat(organization.get("communityId").isNull()).isTrue();
        assertThat(organization.get("segments").findValuesAsText("segment")).contains("employee", "remote", "production");
        assertThat(get("alice", "/api/analytics/segments").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("dana", "/api/analytics/segments?asOf=yesterday").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static void assertSegment(JsonNode row, int members, int active, String contribution, String benefit,
                                      int benefitingMore, boolean benefitsMore) {
        String segment = row.get("segment").asText();
        assertThat(row.get("members").asInt()).as(segment + " members").isEqualTo(members);
        assertThat(row.get("activeMembers").asInt()).as(segment + " active").isEqualTo(active);
        assertThat(row.get("contribution").decimalValue()).as(segment + " contribution").isEqualByComparingTo(contribution);
        assertThat(row.get("benefit").decimalValue()).as(segment + " benefit").isEqualByComparingTo(benefit);
        assertThat(row.get("membersBenefitingMore").asInt()).as(segment).isEqualTo(benefitingMore);
        assertThat(row.get("benefitsMoreThanItBrings").asBoolean()).as(segment).isEqualTo(benefitsMore);
    }

    private void assertLedgerSums(String user, String path, String contribution, String benefit,
                                  String organizationBenefit, Set<String> eventIds) throws Exception {
        JsonNode ledger = ok(user, path);
        BigDecimal c = BigDecimal.ZERO;
        BigDecimal b = BigDecimal.ZERO;
        BigDecimal o = BigDecimal.ZERO;
        for (JsonNode entry : ledger) {
            assertThat(eventIds).contains(entry.get("eventId").asText());
            c = c.add(entry.get("contribution").decimalValue());
            b = b.add(entry.get("benefit").decimalValue());
            o = o.add(entry.get("organizationBenefit").decimalValue());
        }
        assertThat(c).as(path + " contribution").isEqualByComparingTo(contribution);
        assertThat(b).as(path + " benefit").isEqualByComparingTo(benefit);
        assertThat(o).as(path + " organization benefit").isEqualByComparingTo(organizationBenefit);
    }

    @Test
    void timelineShowsTheCommunityBecomingProductiveDayByDay() throws Exception {
        Events e = new Events(UUID.randomUUID(), Instant.parse("2026-03-01T10:00:00Z"));
        List<CommunityEvent> events = new ArrayList<>();
        events.add(e.founded("carol"));
        events.add(e.joined("alice", null));
        events.add(e.joined("bob", null));
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION);
        events.add(question);
        e.at(Instant.parse("2026-03-03T08:00:00Z"));
        ContributionPosted answer = e.answer("bob", question);
        events.add(answer);
        events.add(e.accepted(question, answer));
        e.at(Instant.parse("2026-03-04T23:59:00Z"));
        events.add(e.outcome("carol", "12", answer));
        deliver(events);

        String path = "/api/analytics/communities/" + e.communityId + "/timeline";
        JsonNode timeline = ok("bob", path + "?bucket=day&asOf=2026-03-05T12:00:00Z");
        JsonNode points = timeline.get("points");
        assertThat(points).hasSize(5); // every day from the first entry's to asOf's, the empty 2 March included
        assertThat(points.get(0).get("start").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(points.get(0).get("contribution").decimalValue()).isEqualByComparingTo("1");
        assertThat(points.get(0).get("activeMembers").asInt()).isEqualTo(1);
        assertThat(points.get(0).get("shareBenefitingMore").decimalValue()).isEqualByComparingTo("0");
        assertThat(points.get(0).get("productive").asBoolean()).isFalse();
        assertThat(points.get(1).get("start").asText()).isEqualTo("2026-03-02T00:00:00Z"); // carried forward
        assertThat(points.get(1).get("contribution").decimalValue()).isEqualByComparingTo("1");
        assertThat(points.get(1).get("activeMembers").asInt()).isEqualTo(1);
        assertThat(points.get(2).get("start").asText()).isEqualTo("2026-03-03T00:00:00Z");
        assertThat(points.get(2).get("contribution").decimalValue()).isEqualByComparingTo("4");
        assertThat(points.get(2).get("benefit").decimalValue()).isEqualByComparingTo("10"); // alice 2 + 5, bob 3
        assertThat(points.get(2).get("organizationBenefit").decimalValue()).isEqualByComparingTo("0");
        assertThat(points.get(2).get("productive").asBoolean()).isFalse();
        assertThat(points.get(3).get("start").asText()).isEqualTo("2026-03-04T00:00:00Z");
        assertThat(points.get(3).get("organizationBenefit").decimalValue()).isEqualByComparingTo("12");
        assertThat(points.get(3).get("shareBenefitingMore").decimalValue()).isEqualByComparingTo("1");
        assertThat(points.get(3).get("productive").asBoolean()).isTrue();
        assertThat(points.get(4).get("start").asText()).isEqualTo("2026-03-05T00:00:00Z");
        assertThat(points.get(4).get("productive").asBoolean()).isTrue();

        // Weeks start on Monday: 2026-03-01 is a Sunday (week of 23 February), the rest is the week of 2 March.
        JsonNode weeks = ok("bob", path + "?bucket=week&asOf=2026-03-10T00:00:00Z").get("points");
        assertThat(weeks).hasSize(3);
        assertThat(weeks.get(0).get("start").asText()).isEqualTo("2026-02-23T00:00:00Z");
        assertThat(weeks.get(0).get("contribution").decimalValue()).isEqualByComparingTo("1");
        assertThat(weeks.get(1).get("start").asText()).isEqualTo("2026-03-02T00:00:00Z");
        assertThat(weeks.get(1).get("organizationBenefit").decimalValue()).isEqualByComparingTo("12");
        assertThat(weeks.get(2).get("start").asText()).isEqualTo("2026-03-09T00:00:00Z");
        assertThat(weeks.get(2).get("productive").asBoolean()).isTrue();
        JsonNode months = ok("bob", path + "?bucket=month&asOf=2026-05-01T00:00:00Z").get("points");
        assertThat(months).hasSize(3);
        assertThat(months.get(2).get("start").asText()).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(months.get(2).get("benefit").decimalValue()).isEqualByComparingTo("12"); // 10 + bob's 2 of the outcome

        // As of the end of 3 March the community was not productive yet; as of the 4th it was; now it still is.
        String community = "/api/analytics/communities/" + e.communityId;
        assertThat(ok("bob", community + "?asOf=2026-03-03T23:59:59Z").get("productive").asBoolean()).isFalse();
        assertThat(ok("bob", community + "?asOf=2026-03-04T23:59:30Z").get("productive").asBoolean()).isTrue();
        assertThat(ok("bob", community + "?asOf=2026-03-04T23:59:30Z").toString())
                .isEqualTo(ok("bob", community).toString());
        assertThat(ok("bob", community + "/members/bob?asOf=2026-03-03T08:00:02Z").get("benefit").decimalValue())
                .isEqualByComparingTo("3"); // the accepted answer (08:00:02) counts, inclusive
        assertThat(ok("bob", community + "/members/bob/ledger?asOf=2026-03-03T08:00:01.999Z")).hasSize(1);
        assertThat(ok("bob", community + "/members/bob?asOf=2026-02-01T00:00:00Z").get("benefit").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(ok("bob", community + "/members/bob?asOf=2026-03-04T22:59:30-01:00").get("benefit").decimalValue())
                .isEqualByComparingTo("5"); // accepted 3 + the outcome's 2, with the offset read as 23:59:30Z
        assertProblem(get("bob", community + "?asOf=yesterday"), 400);
    }

    @Test
    void readsFollowTheAccessRules() throws Exception {
        Events e = new Events();
        deliver(workedExample(e));
        deliver(List.of(e.left("bob")));
        String community = "/api/analytics/communities/" + e.communityId;

        assertProblem(get("bob", community + "/members/alice"), 403);
        assertProblem(get("bob", community + "/members/alice/ledger"), 403);
        assertProblem(get("frank", community), 403); // not a member
        assertProblem(get("bob", community + "/timeline"), 403); // left the community
        assertThat(ok("bob", community + "/members/bob").get("benefit").decimalValue()).isEqualByComparingTo("6");
        assertThat(ok("dana", community + "/members/alice").get("benefit").decimalValue())
                .isEqualByComparingTo("8.7");
        assertThat(ok("erin", community + "/members/bob/ledger")).isNotEmpty();
        assertThat(ok("erin", community).get("productive").asBoolean()).isTrue();
        assertThat(ok("dana", community + "/timeline").get("points")).isNotEmpty();

        JsonNode frank = ok("frank", community + "/members/frank"); // own figures without any signal: zeros
        assertThat(frank.get("contribution").decimalValue()).isEqualByComparingTo("0");
        assertThat(frank.get("benefit").decimalValue()).isEqualByComparingTo("0");
        assertThat(frank.get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(frank.get("ratio").isNull()).isTrue();
        assertThat(ok("frank", community + "/members/frank/ledger")).isEmpty();

        String unknown = "/api/analytics/communities/" + UUID.randomUUID();
        assertProblem(get("dana", unknown), 404);
        assertProblem(get("alice", unknown + "/members/alice"), 404);
        assertProblem(get("alice", community + "?model=v404"), 404);
        assertProblem(get("alice", community + "/timeline?bucket=year"), 400);
        assertProblem(get("alice", "/api/analytics/communities/not-a-uuid"), 400); // a malformed id (docs/api.md)
        assertThat(rest.getForEntity(community, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void redeliveredEventsTakeNoSecondEffect() throws Exception {
        Events e = new Events();
        List<CommunityEvent> events = workedExample(e);
        List<EventEnvelope> envelopes = publisher().publishAll(events);
        EventEnvelope last = envelopes.get(envelopes.size() - 1);
        assertThat(positions.awaitApplied(last.aggregateId(), last.sequence(), WAIT)).isTrue();
        int entries = ledgerSize(e.communityId);

        envelopes.forEach(publisher()::publish); // at-least-once: the same envelopes again
        EventEnvelope sameEventNewSequence = publisher().envelope(events.get(8)); // a second producer re-emits it
        publisher().publish(sameEventNewSequence);
        deliver(List.of(e.joined("grace", null))); // everything before it on the partition is applied by now

        assertThat(ledgerSize(e.communityId)).isEqualTo(entries);
        assertFigures(e.communityId, "alice", "1", "8.7");
        assertFigures(e.communityId, "bob", "3", "6");
        JsonNode summary = ok("dana", "/api/analytics/communities/" + e.communityId);
        assertThat(summary.get("organizationBenefit").decimalValue()).isEqualByComparingTo("12");
        assertThat(summary.get("activeMembers").asInt()).isEqualTo(2);
    }

    /** Issue 17 through the broker: a hidden answer's posting reversed once, a removed member's access gone. */
    @Test
    void aHiddenAnswerIsReversedOnceAndARemovedMemberLosesAccess() throws Exception {
        Events e = new Events();
        List<CommunityEvent> events = new ArrayList<>(workedExample(e));
        ContributionPosted answer = (ContributionPosted) events.get(4);
        var hidden = e.hidden("carol", answer);
        events.addAll(List.of(e.edited(answer), hidden, hidden, e.retracted(answer),
                new com.productivecommunity.events.MemberRemoved(UUID.randomUUID(), e.communityId, "carol",
                        Instant.parse("2026-11-26T10:00:00Z"), "bob", "spam")));
        List<EventEnvelope> envelopes = publisher().publishAll(events);
        for (EventEnvelope envelope : envelopes) {
            assertThat(positions.awaitApplied(envelope.aggregateId(), envelope.sequence(), WAIT)).isTrue();
        }

        assertFigures(e.communityId, "bob", "0", "6");
        assertFigures(e.communityId, "alice", "1", "6.7");
        JsonNode bobLedger = ok("erin", "/api/analytics/communities/" + e.communityId + "/members/bob/ledger");
        JsonNode reversal = bobLedger.get(bobLedger.size() - 1);
        assertThat(reversal.get("eventId").asText()).isEqualTo(hidden.eventId().toString());
        assertThat(reversal.get("eventType").asText()).isEqualTo("ContributionHidden");
        assertThat(reversal.get("reason").asText()).isEqualTo("withdrawn (retracted or hidden): posted an answer");
        assertThat(get("bob", "/api/analytics/communities/" + e.communityId).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void crashInTheMiddleOfABatchIsRolledBackAndTheRetryCountsOnce() throws Exception {
        Events e = new Events();
        List<CommunityEvent> events = workedExample(e);
        UUID acceptance = events.get(8).eventId();
        AtomicBoolean crashed = new AtomicBoolean();
        doAnswer(invocation -> {
            invocation.callRealMethod(); // the batch's rows are written...
            List<CommunityEvent> batch = invocation.getArgument(0);
            if (batch.stream().anyMatch(ev -> ev.eventId().equals(acceptance)) && crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("simulated crash before commit"); // ...and rolled back
            }
            return null;
        }).when(store).apply(anyList());

        deliver(events);

        assertThat(crashed).isTrue();
        assertFigures(e.communityId, "alice", "1", "8.7");
        assertFigures(e.communityId, "bob", "3", "6");
        assertThat(ledgerSize(e.communityId)).isEqualTo(11);
    }

    @Test
    void anEventTheLedgerCannotApplyIsParkedHealthSaysDegradedAndARetryAfterTheFixCountsItOnce() throws Exception {
        Events e = new Events();
        List<CommunityEvent> events = workedExample(e);
        UUID outcome = events.get(events.size() - 1).eventId();
        doAnswer(invocation -> {
            List<CommunityEvent> batch = invocation.getArgument(0);
            if (batch.stream().anyMatch(ev -> ev.eventId().equals(outcome))) {
                throw new IllegalStateException("a bug in the outcome rule");
            }
            return invocation.callRealMethod();
        }).when(store).apply(anyList());
        publish(events);
        Events other = new Events();
        deliver(List.of(other.founded("carol"), other.joined("bob", null))); // other communities go on
        String parked = "/api/admin/projections/analytics/parked";
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> ok("dana", parked).get("items").size() == 1);

        JsonNode record = ok("dana", parked).get("items").get(0);
        assertThat(record.get("reason").asText()).isEqualTo("FAILED");
        assertThat(record.get("eventId").asText()).isEqualTo(outcome.toString());
        assertThat(record.get("errorMessage").asText()).contains("a bug in the outcome rule");
        // Health details are for OPERATOR (the scraper account); anonymous callers see the status only.
        ResponseEntity<String> health = rest.withBasicAuth("prometheus", "prometheus")
                .getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(health.getBody()).get("status").asText()).isEqualTo("DEGRADED");
        assertThat(json.readTree(health.getBody()).at("/components/projections/components/analytics/details/parkedEvents")
                .asLong()).isEqualTo(1);
        assertThat(ok("dana", "/api/analytics/communities/" + e.communityId).get("organizationBenefit").decimalValue())
                .isEqualByComparingTo("0");
        assertProblem(rest.withBasicAuth("erin", "erin").getForEntity(parked, String.class), 403);

        reset(store); // the fix is deployed
        ResponseEntity<String> retried = rest.withBasicAuth("dana", "dana").postForEntity(
                parked + "/" + record.get("id").asLong() + "/retry", null, String.class);

        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(retried.getBody()).at("/parked/state").asText()).isEqualTo("APPLIED");
        assertFigures(e.communityId, "alice", "1", "8.7");
        assertFigures(e.communityId, "bob", "3", "6");
        assertThat(ledgerSize(e.communityId)).isEqualTo(11);
        assertThat(ok("dana", "/api/analytics/communities/" + e.communityId).get("organizationBenefit").decimalValue())
                .isEqualByComparingTo("12");
        JsonNode action = ok("dana", "/api/admin/projections/analytics/actions?limit=1").get(0);
        assertThat(action.get("action").asText()).isEqualTo("RETRY");
        assertThat(action.get("actor").asText()).isEqualTo("dana");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> json.readTree(
                rest.withBasicAuth("prometheus", "prometheus").getForEntity("/actuator/health", String.class).getBody()).get("status").asText().equals("UP"));
    }

    @Test
    void afterARestartTheProjectionResumesWhereItCommitted() throws Exception {
        Events e = new Events();
        List<CommunityEvent> events = workedExample(e);
        deliver(events.subList(0, 5));
        admin.runner("analytics").stop();
        List<EventPosition> pending;
        try {
            pending = publish(events.subList(5, 10));
            assertFigures(e.communityId, "alice", "1", "2"); // stopped: nothing more applied
        } finally {
            admin.runner("analytics").start();
        }
        assertThat(positions.awaitApplied(pending, WAIT)).isTrue();
        assertFigures(e.communityId, "alice", "1", "8.7");
        assertFigures(e.communityId, "bob", "3", "6");
    }

    @Test
    void analystsRebuildTheProjectionFromTheTopicAndGetTheSameFigures() throws Exception {
        Events e = new Events();
        List<EventPosition> published = deliver(workedExample(e));
        String rebuild = "/api/admin/projections/analytics/rebuild";

        assertProblem(rest.withBasicAuth("alice", "alice").postForEntity(rebuild, null, String.class), 403);
        assertProblem(rest.withBasicAuth("dana", "dana")
                .postForEntity("/api/admin/projections/nothing/rebuild", null, String.class), 404);
        assertThat(rest.withBasicAuth("dana", "dana").postForEntity(rebuild, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        // The rebuild runs in the background: wait until the projection replays before waiting for the events.
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> admin.status("analytics").state().equals("RUNNING"));

        assertThat(positions.awaitApplied(published, WAIT)).isTrue();
        assertFigures(e.communityId, "alice", "1", "8.7");
        assertFigures(e.communityId, "bob", "3", "6");
        assertThat(ledgerSize(e.communityId)).isEqualTo(11);
    }

    @Test
    void healthAndMetricsShowTheProjection() throws Exception {
        deliver(List.of(new Events().founded("carol")));
        JsonNode health = json.readTree(rest.withBasicAuth("prometheus", "prometheus").getForEntity("/actuator/health", String.class).getBody());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/projections/components/analytics/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        String prometheus = rest.withBasicAuth("prometheus", "prometheus").getForEntity("/actuator/prometheus", String.class).getBody();
        assertThat(prometheus).contains("projection_lag{", "projection=\"analytics\"",
                "projection_events_applied_total{");
        assertThat(rest.getForEntity("/v3/api-docs", String.class).getBody())
                .contains("/api/analytics/communities/{communityId}/members/{memberId}/ledger",
                        "/api/analytics/communities/{communityId}/timeline");
    }

    private int ledgerSize(UUID communityId) {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE community_id = ?", Integer.class,
                communityId);
    }

    private void assertFigures(UUID communityId, String member, String contribution, String benefit)
            throws Exception {
        JsonNode figures = ok("erin", "/api/analytics/communities/" + communityId + "/members/" + member);
        assertThat(figures.get("contribution").decimalValue()).as(member).isEqualByComparingTo(contribution);
        assertThat(figures.get("benefit").decimalValue()).as(member).isEqualByComparingTo(benefit);
    }

    private void assertProblem(ResponseEntity<String> response, int status) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(json.readTree(response.getBody()).get("status").asInt()).isEqualTo(status);
    }
}
