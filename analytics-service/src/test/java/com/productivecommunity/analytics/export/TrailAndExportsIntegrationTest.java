package com.productivecommunity.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.support.projection.EventPosition;
import com.productivecommunity.support.projection.ProjectionPositions;
import com.productivecommunity.support.projection.TestEventPublisher;
import com.productivecommunity.support.testing.TestDatabases;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The trail and the exports over HTTP on real PostgreSQL and an embedded KRaft broker: a history whose verdict
 * flips up at the outcome and back down when members join in without benefit; the flip at the right event with
 * before and after; figure=verdict, paging and asOf cutting the trail; the trail's end equal to the summary read;
 * another model version flipping at another event; the exports in CSV (quoting member ids with commas and quotes)
 * and JSON with their model, asOf and the audit log's answer. command-service's audit log is played by a small
 * HTTP server answering as its /api/audit/inclusion does (200, 409, 403).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "platform.projection.poll-timeout=100ms",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = "community-events")
class TrailAndExportsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Member ids as the topic may carry them: RFC 4180 must quote these. */
    private static final String ONEIL = "o\"neil, jr.";
    private static final String XY = "x,y";

    /** What the stand-in audit log answers next: status and body, and the Authorization it was sent. */
    private static final AtomicReference<String[]> AUDIT_ANSWER = new AtomicReference<>();
    private static final AtomicReference<String> AUDIT_AUTHORIZATION = new AtomicReference<>();
    private static final AtomicReference<String> AUDIT_QUERY = new AtomicReference<>();
    private static final HttpServer AUDIT_LOG = auditLog();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("analytics_trail") + "?reWriteBatchedInserts=true");
        registry.add("platform.analytics.audit-log.url", () -> "http://127.0.0.1:" + AUDIT_LOG.getAddress().getPort());
    }

    @AfterAll
    static void stopAuditLog() {
        AUDIT_LOG.stop(0);
    }

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ProjectionPositions positions;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Test
    void theTrailExplainsEveryFlipAndTheExportsCarryWhatTheyWereComputedAt() throws Exception {
        Events e = new Events();
        // Built in the order of the history: each event a second after the previous one.
        List<CommunityEvent> history = new ArrayList<>(List.of(e.founded("carol"), e.joined("alice", null),
                e.joined("bob", null), e.joined(ONEIL, null), e.joined(XY, null)));
        ContributionPosted question = add(history, e.posted("alice", ContributionKind.QUESTION));
        ContributionPosted answer = add(history, e.answer("bob", question));
        CommunityEvent view = add(history, e.viewed("alice", answer));
        history.add(e.reacted("alice", answer, ReactionKind.THANKS));
        history.add(e.accepted(question, answer));
        OutcomeRecorded outcome = add(history, e.outcome("carol", "12", answer));
        ContributionPosted idea = add(history, e.posted(ONEIL, ContributionKind.IDEA));
        ContributionPosted post = add(history, e.posted(XY, ContributionKind.POST));
        ContributionPosted carols = add(history, e.posted("carol", ContributionKind.QUESTION));
        String base = "/api/analytics/communities/" + e.communityId;
        try (TestEventPublisher publisher = new TestEventPublisher(brokers, "community-events")) {
            deliver(publisher, history);

            // v1: up at the outcome (organization benefit 0 → 12), down at carol's question (2 of 5 benefit more).
            JsonNode trail = ok("erin", base + "/trail");
            assertThat(trail.get("model").asText()).isEqualTo("v1");
            JsonNode flips = ok("erin", base + "/trail?figure=verdict").get("items");
            assertThat(ids(flips)).containsExactly(outcome.eventId().toString(), carols.eventId().toString());
            JsonNode up = flips.get(0);
            assertThat(up.get("eventType").asText()).isEqualTo("OutcomeRecorded");
            assertThat(up.get("occurredAt").asText()).isEqualTo(outcome.occurredAt().toString());
            assertThat(up.get("verdictFlipped").asBoolean()).isTrue();
            assertThat(change(up, "organizationBenefit")).containsExactly("0", "12");
            assertThat(change(up, "productive")).containsExactly("false", "true");
            JsonNode down = flips.get(1);
            assertThat(change(down, "activeMembers")).containsExactly("4", "5");
            assertThat(change(down, "shareBenefitingMore")).containsExactly("0.5", "0.4");
            assertThat(change(down, "productive")).containsExactly("true", "false");
            assertThat(down.get("members")).extracting(JsonNode::asText).containsExactly("carol");
            assertThat(down.at("/memberChanges/0/contributionAfter").decimalValue()).isEqualByComparingTo("1");
            // Joins award nothing, so they are not in the trail; every other event here changed a figure but one:
            // the view of bob's answer (alice was already benefiting more, nothing counted changed).
            assertThat(ids(trail.get("items"))).doesNotContain(history.get(1).eventId().toString(),
                            view.eventId().toString())
                    .contains(question.eventId().toString(), idea.eventId().toString(), post.eventId().toString());

            // The figures at the end of the trail are the summary read's, now and as of the outcome.
            assertThat(folded(trail.get("items"))).isEqualTo(summary(ok("erin", base)));
            String asOf = "&asOf=" + outcome.occurredAt();
            JsonNode cut = ok("erin", base + "/trail?" + asOf.substring(1));
            assertThat(ids(cut.get("items"))).last().isEqualTo(outcome.eventId().toString());
            assertThat(folded(cut.get("items"))).isEqualTo(summary(ok("erin", base + "?" + asOf.substring(1))));
            assertThat(ids(ok("erin", base + "/trail?figure=verdict" + asOf).get("items")))
                    .containsExactly(outcome.eventId().toString());
            // from: only changes at or after it.
            assertThat(ids(ok("erin", base + "/trail?from=" + idea.occurredAt()).get("items")).get(0))
                    .isEqualTo(idea.eventId().toString());

            // Keyset paging: pages of 2 put together are the whole trail.
            List<String> paged = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                JsonNode page = ok("dana", base + "/trail?limit=2" + (next == null ? "" : "&after=" + next));
                assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
                paged.addAll(ids(page.get("items")));
                next = page.get("next").isNull() ? null : page.get("next").asText();
                pages++;
            } while (next != null && pages < 50);
            assertThat(paged).isEqualTo(ids(trail.get("items")));
            assertThat(pages).isEqualTo((trail.get("items").size() + 1) / 2);

            // Access: as the summary read. A member reads it (their own member changes only); a non-member does not.
            JsonNode asAlice = ok("alice", base + "/trail");
            assertThat(ids(asAlice.get("items"))).isEqualTo(ids(trail.get("items")));
            asAlice.get("items").forEach(item -> item.get("memberChanges")
                    .forEach(m -> assertThat(m.get("memberId").asText()).isEqualTo("alice")));
            assertThat(get("frank", base + "/trail").getStatusCode().value()).isEqualTo(403);
            assertThat(get("frank", base + "/exports/trail").getStatusCode().value()).isEqualTo(403);
            assertThat(get("alice", base + "/exports/ledger").getStatusCode().value()).isEqualTo(403);
            assertThat(get("erin", "/api/analytics/communities/" + UUID.randomUUID() + "/trail").getStatusCode()
                    .value()).isEqualTo(404);
            badRequest(base + "/trail?figure=mood", "figure");
            badRequest(base + "/trail?after=x1", "after");
            badRequest(base + "/trail?asOf=yesterday", "asOf");
            badRequest(base + "/exports/ledger?format=xml", "format");

            // Another version, a stricter threshold (0.6): it flips back already at x,y's post (2 of 4).
            ResponseEntity<String> created = post("dana", "/api/analytics/models", V1_WEIGHTS_THRESHOLD_06);
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
            Awaitility.await().atMost(WAIT).until(() -> json.readTree(get("dana", "/api/analytics/models/v2/progress")
                    .getBody()).get("state").asText().equals("caught-up"));
            JsonNode v2 = ok("erin", base + "/trail?model=v2&figure=verdict");
            assertThat(v2.get("model").asText()).isEqualTo("v2");
            assertThat(ids(v2.get("items"))).containsExactly(outcome.eventId().toString(), post.eventId().toString());
            assertThat(folded(ok("erin", base + "/trail?model=v2").get("items")))
                    .isEqualTo(summary(ok("erin", base + "?model=v2")));

            // Exports. The audit log says the last event is included in a signed head of size 20.
            AUDIT_ANSWER.set(new String[] {"200", """
                    {"position":14,"eventId":"%s","globalIndex":15,"leafIndex":13,"leafHash":"bGVhZg==","treeSize":20,
                     "proof":["cDE=","cDI="],"treeHead":{"size":20,"root":"cm9vdA==","timestamp":"2026-11-26T09:01:00.000Z",
                     "signature":"c2ln"}}""".formatted(carols.eventId())});
            ResponseEntity<String> csv = get("erin", base + "/exports/ledger?format=csv");
            assertThat(csv.getStatusCode().value()).isEqualTo(200);
            assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
            assertThat(AUDIT_QUERY.get()).isEqualTo("eventId=" + carols.eventId());
            assertThat(AUDIT_AUTHORIZATION.get()).isEqualTo(basic("erin"));
            Map<String, String> meta = CsvParser.comments(csv.getBody());
            assertThat(meta).containsEntry("export", "ledger").containsEntry("model", "v1").containsEntry("asOf", "")
                    .containsEntry("lastEntry.eventId", carols.eventId().toString())
                    .containsEntry("auditLog.status", "covered").containsEntry("auditLog.treeSize", "20")
                    .containsEntry("auditLog.eventPosition", "14").containsEntry("auditLog.root", "cm9vdA==")
                    .containsEntry("auditLog.signature", "c2ln").containsEntry("auditLog.inclusionProof", "[\"cDE=\",\"cDI=\"]");
            List<List<String>> records = CsvParser.parse(csv.getBody());
            assertThat(records.get(0)).startsWith("ledgerEntryId", "eventId", "eventType", "occurredAt", "memberId");
            List<String> oneil = records.stream().filter(r -> r.get(4).equals(ONEIL)).findFirst().orElseThrow();
            assertThat(oneil.get(1)).isEqualTo(idea.eventId().toString());
            assertThat(oneil.get(6)).isEqualTo("2");
            assertThat(csv.getBody()).contains("\"o\"\"neil, jr.\"").contains(",\"x,y\",").endsWith("# end: "
                    + (records.size() - 1) + " rows\r\n");
            // The ledger export holds every entry of the members' own ledgers.
            int entries = 0;
            for (String member : List.of("alice", "bob", "carol", ONEIL, XY)) {
                ResponseEntity<String> own = rest.withBasicAuth("erin", "erin").getForEntity(
                        base + "/members/{member}/ledger", String.class, member);
                assertThat(own.getStatusCode().value()).as(member + ": " + own.getBody()).isEqualTo(200);
                entries += json.readTree(own.getBody()).size();
            }
            assertThat(records.size() - 1).isEqualTo(entries);

            // Member figures as CSV by Accept, as of the outcome: the two who benefit, carol's organization benefit.
            AUDIT_ANSWER.set(new String[] {"409", "{\"status\":409,\"detail\":\"Position 11 is not covered by a signed"
                    + " tree head yet (the latest has size 10); heads are signed every few seconds\"}"});
            ResponseEntity<String> members = exchange("dana", base + "/exports/members?" + asOf.substring(1), "text/csv");
            Map<String, String> membersMeta = CsvParser.comments(members.getBody());
            assertThat(membersMeta).containsEntry("export", "members").containsEntry("asOf", outcome.occurredAt().toString())
                    .containsEntry("lastEntry.eventId", outcome.eventId().toString())
                    .containsEntry("auditLog.status", "not-yet-covered");
            assertThat(membersMeta.get("auditLog.detail")).contains("no signed tree head covers").contains("size 10");
            assertThat(membersMeta).doesNotContainKey("auditLog.treeSize");
            List<List<String>> memberRows = CsvParser.parse(members.getBody());
            assertThat(memberRows).containsExactly(
                    List.of("memberId", "contribution", "benefit", "balance", "ratio", "benefitingMore"),
                    List.of("alice", "1", "8.2", "7.2", "8.2", "true"),
                    List.of("bob", "3", "6", "3", "2", "true"),
                    List.of("carol", "0", "0", "0", "", "false"));

            // Community figures and the trail as JSON: one object, meta and rows; equal to the summary and the trail.
            AUDIT_ANSWER.set(new String[] {"403", "{\"status\":403,\"detail\":\"Only auditors read the audit log\"}"});
            JsonNode figures = json.readTree(exchange("dana", base + "/exports/figures?model=v2", "application/json")
                    .getBody());
            assertThat(figures.at("/meta/model").asText()).isEqualTo("v2");
            assertThat(figures.at("/meta/auditLog/status").asText()).isEqualTo("unavailable");
            assertThat(figures.at("/meta/auditLog/detail").asText()).contains("403").contains("Only auditors");
            assertThat(AUDIT_AUTHORIZATION.get()).isEqualTo(basic("dana"));
            assertThat(figures.get("rowCount").asInt()).isEqualTo(1);
            JsonNode row = figures.at("/rows/0");
            JsonNode v2Summary = ok("dana", base + "?model=v2");
            for (String name : List.of("organizationBenefit", "activeMembers", "membersBenefitingMore",
                    "shareBenefitingMore", "productive")) {
                assertThat(row.get(name).asText()).as(name).isEqualTo(v2Summary.get(name).asText());
            }
            JsonNode trailExport = json.readTree(get("dana", base + "/exports/trail?format=json&figure=verdict")
                    .getBody());
            assertThat(trailExport.at("/meta/export").asText()).isEqualTo("trail");
            assertThat(trailExport.at("/meta/figure").asText()).isEqualTo("productive");
            assertThat(ids(trailExport.get("rows"))).isEqualTo(ids(flips));
            String trailCsv = get("dana", base + "/exports/trail?format=csv").getBody();
            List<List<String>> trailRows = CsvParser.parse(trailCsv);
            List<String> header = trailRows.get(0);
            List<String> flipRow = trailRows.stream().filter(r -> r.get(1).equals(carols.eventId().toString()))
                    .findFirst().orElseThrow();
            assertThat(flipRow.get(header.indexOf("productiveBefore"))).isEqualTo("true");
            assertThat(flipRow.get(header.indexOf("productiveAfter"))).isEqualTo("false");
            assertThat(flipRow.get(header.indexOf("verdictFlipped"))).isEqualTo("true");
            assertThat(flipRow.get(header.indexOf("members"))).isEqualTo("[\"carol\"]");
            assertThat(trailRows).hasSize(trail.get("items").size() + 1);

            // Volume: 200,000 entries written with SQL into another community, exported through the cursor.
            UUID big = UUID.randomUUID();
            jdbc.update("INSERT INTO community (community_id, name, founded_at) VALUES (?, 'Big, \"quoted\"', now())", big);
            jdbc.update("INSERT INTO ledger_entry (model, event_id, event_type, occurred_at, community_id, member_id,"
                    + " signal, contribution, benefit, organization_benefit, reason, contribution_id)"
                    + " SELECT 'v1', gen_random_uuid(), 'ContributionPosted', timestamptz '2026-01-01' + i * interval '1 s',"
                    + " ?, 'm' || (i % 500), 'QUESTION_POSTED', 1, 0, 0, 'posted a question', NULL"
                    + " FROM generate_series(1, 200000) AS i", big);
            long started = System.nanoTime();
            ResponseEntity<String> bigCsv = get("erin", "/api/analytics/communities/" + big + "/exports/ledger?format=csv");
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(bigCsv.getStatusCode().value()).isEqualTo(200);
            assertThat(CsvParser.comments(bigCsv.getBody())).containsEntry("community", "Big, \"quoted\"")
                    .containsEntry("end", "200000 rows");
            assertThat(bigCsv.getBody().split("\r\n", -1)).hasSizeGreaterThan(200_001);
            System.out.printf("ledger export: 200000 rows, %d bytes in %.2f s%n", bigCsv.getBody().length(), seconds);

            // A community without a ledger entry: no event to cover; the latest head, for reference.
            Events empty = new Events();
            deliver(publisher, List.of(empty.founded("carol")));
            AUDIT_ANSWER.set(new String[] {"200", "{\"size\":20,\"root\":\"cm9vdA==\",\"timestamp\":"
                    + "\"2026-11-26T09:01:00.000Z\",\"signature\":\"c2ln\"}"});
            JsonNode none = json.readTree(get("erin", "/api/analytics/communities/" + empty.communityId
                    + "/exports/ledger").getBody());
            assertThat(AUDIT_QUERY.get()).isNull();
            assertThat(none.at("/meta/auditLog/status").asText()).isEqualTo("no-events");
            assertThat(none.at("/meta/lastEntry").isNull()).isTrue();
            assertThat(none.get("rows")).isEmpty();
        }
    }

    private static final String V1_WEIGHTS_THRESHOLD_06 = """
            {"name":"v2","derivedFrom":"v1","productiveShareThreshold":0.6,
             "weights":{"QUESTION_POSTED":1,"ANSWER_POSTED":3,"POST_POSTED":2,"IDEA_POSTED":2,"ANSWER_RECEIVED":2,
               "CONTRIBUTION_VIEWED":0.2,"LIKE_RECEIVED":0.5,"THANKS_RECEIVED":1,"THANKS_GIVEN":1,
               "USEFUL_RECEIVED":0.5,"USEFUL_GIVEN":1,"ANSWER_ACCEPTED_BY_QUESTION_AUTHOR":5,
               "ANSWER_ACCEPTED_FOR_ANSWER_AUTHOR":3,"OUTCOME_LINKED_AUTHOR":2,"OUTCOME_RECORDED":1}}""";

    private static HttpServer auditLog() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/audit/", exchange -> {
                AUDIT_AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
                AUDIT_QUERY.set(exchange.getRequestURI().getQuery());
                String[] answer = AUDIT_ANSWER.get();
                byte[] body = (answer == null ? "{}" : answer[1]).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer == null ? 503 : Integer.parseInt(answer[0]), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figures the trail ends with: its changes applied in order to the figures of an empty community. */
    private static Map<String, String> folded(JsonNode items) {
        Map<String, String> figures = new LinkedHashMap<>(Map.of("organizationBenefit", "0", "activeMembers", "0",
                "membersBenefitingMore", "0", "shareBenefitingMore", "0", "productive", "false"));
        items.forEach(item -> item.get("changes").forEach(change -> {
            assertThat(normal(change.get("before"))).as(item.toString())
                    .isEqualTo(figures.get(change.get("figure").asText()));
            figures.put(change.get("figure").asText(), normal(change.get("after")));
        }));
        return new java.util.TreeMap<>(figures);
    }

    private static Map<String, String> summary(JsonNode summary) {
        Map<String, String> figures = new java.util.TreeMap<>();
        for (String name : List.of("organizationBenefit", "activeMembers", "membersBenefitingMore",
                "shareBenefitingMore", "productive")) {
            figures.put(name, normal(summary.get(name)));
        }
        return figures;
    }

    private static String normal(JsonNode value) {
        return value.isNumber() ? new BigDecimal(value.asText()).stripTrailingZeros().toPlainString() : value.asText();
    }

    private static List<String> change(JsonNode item, String figure) {
        for (JsonNode change : item.get("changes")) {
            if (change.get("figure").asText().equals(figure)) {
                return List.of(normal(change.get("before")), normal(change.get("after")));
            }
        }
        return List.of();
    }

    private static <T extends CommunityEvent> T add(List<CommunityEvent> history, T event) {
        history.add(event);
        return event;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("eventId").asText()));
        return ids;
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private void deliver(TestEventPublisher publisher, List<CommunityEvent> events) throws InterruptedException {
        Map<String, EventPosition> last = new LinkedHashMap<>();
        for (EventEnvelope envelope : publisher.publishAll(events)) {
            last.put(envelope.aggregateId(), new EventPosition(envelope.aggregateId(), envelope.sequence()));
        }
        assertThat(positions.awaitApplied(List.copyOf(last.values()), WAIT)).isTrue();
    }

    private void badRequest(String path, String field) throws Exception {
        ResponseEntity<String> response = get("erin", path);
        assertThat(response.getStatusCode().value()).as(path + " -> " + response.getBody()).isEqualTo(400);
        assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo(field);
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    private ResponseEntity<String> exchange(String user, String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.set(HttpHeaders.ACCEPT, accept);
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
        return response;
    }

    private JsonNode ok(String user, String path) throws Exception {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode().value()).as(user + " GET " + path + ": " + response.getBody())
                .isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
