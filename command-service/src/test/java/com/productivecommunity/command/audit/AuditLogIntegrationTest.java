package com.productivecommunity.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.audit.event.LeafEncoding;
import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.head.TreeHead;
import com.productivecommunity.audit.head.TreeHeadVerifier;
import com.productivecommunity.audit.merkle.Hash;
import com.productivecommunity.audit.merkle.MerkleProofs;
import com.productivecommunity.audit.verify.ExportVerifier;
import com.productivecommunity.audit.verify.Failure;
import com.productivecommunity.audit.verify.VerificationReport;
import com.productivecommunity.command.testing.Api.Response;
import com.productivecommunity.command.testing.CommandServiceIntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log on the real service and PostgreSQL: a normal history verifies everywhere (tree head, proofs,
 * export through the offline verifier, health), and an SQL edit of the event store — a payload altered, an
 * event deleted, two events reordered — is found by the health check and by the verifier on an export, each
 * naming the position. Every edit is put back afterwards (the database is the test JVM's shared one).
 */
class AuditLogIntegrationTest extends CommandServiceIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditRecheck recheck;

    @Autowired
    StoredEventRows rows;

    private void someHistory() {
        String community = as("carol").post("/api/communities",
                "{\"name\":\"Audited community\",\"purpose\":\"keep a history anyone can check\"}").text("communityId");
        assertThat(as("alice").post("/api/communities/" + community + "/members", null).status()).isEqualTo(201);
        assertThat(as("bob").post("/api/communities/" + community + "/members", null).status()).isEqualTo(201);
        assertThat(as("alice").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"QUESTION\",\"title\":\"Is it logged?\",\"body\":\"Every event, once.\"}").status())
                .isEqualTo(201);
    }

    /** Waits until every stored event is in the log and a signed head covers the log. */
    private long awaitCovered() {
        long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        await().atMost(30, TimeUnit.SECONDS).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM audit_leaf", Long.class) >= stored
                        && jdbc.queryForObject("SELECT coalesce(max(size), 0) FROM audit_tree_head", Long.class)
                        >= jdbc.queryForObject("SELECT count(*) FROM audit_leaf", Long.class));
        return jdbc.queryForObject("SELECT max(size) FROM audit_tree_head", Long.class);
    }

    private PublicKey publicKey() {
        Response key = as("erin").get("/api/audit/public-key");
        assertThat(key.status()).isEqualTo(200);
        PublicKey publicKey = SigningKeys.publicKeyFromPem(key.raw().body());
        assertThat(key.header("X-Key-Id")).isEqualTo(SigningKeys.keyId(publicKey));
        return publicKey;
    }

    private VerificationReport verifyExport() throws Exception {
        Response export = as("erin").get("/api/audit/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/jsonl");
        Path scratch = Files.createDirectories(Path.of("target", "audit-verify"));
        return new ExportVerifier(publicKey(), scratch)
                .verify(new ByteArrayInputStream(export.raw().body().getBytes(StandardCharsets.UTF_8)));
    }

    /** The component's health as the operator sees it (the HTTP status follows the platform's status mapping). */
    private JsonNode auditHealth() {
        Response health = operator().get("/actuator/health/auditLog");
        assertThat(health.contentType()).as(health.toString()).contains("json");
        return health.json();
    }

    @Test
    void aNormalHistoryVerifiesByHeadProofsExportAndHealth() throws Exception {
        someHistory();
        long size = awaitCovered();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_leaf", Long.class))
                .as("every stored event once").isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT global_index) FROM audit_leaf", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM audit_leaf", Long.class));

        JsonNode head = as("erin").get("/api/audit/tree-head").json();
        assertThat(head.get("size").asLong()).isGreaterThanOrEqualTo(size);
        SignedTreeHead signed = new SignedTreeHead(new TreeHead(head.get("size").asLong(),
                Hash.fromBase64(head.get("root").asText()), Instant.parse(head.get("timestamp").asText())),
                Base64.getDecoder().decode(head.get("signature").asText()));
        assertThat(new TreeHeadVerifier(publicKey()).verify(signed)).isTrue();

        // Inclusion of the newest event, by id: its leaf is the stored row's, and the proof leads to the head's root.
        String eventId = jdbc.queryForObject("SELECT e.event_identifier FROM domain_event_entry e JOIN audit_leaf l"
                + " ON l.global_index = e.global_index WHERE l.position <= ? ORDER BY l.position DESC LIMIT 1",
                String.class, head.get("size").asLong());
        JsonNode inclusion = as("erin").get("/api/audit/inclusion?eventId=" + eventId).json();
        long position = inclusion.get("position").asLong();
        LoggedEvent stored = rows.logged(position, position).get(0);
        assertThat(inclusion.get("eventId").asText()).isEqualTo(eventId);
        assertThat(inclusion.get("leafHash").asText()).isEqualTo(LeafEncoding.leafHash(stored).base64());
        assertThat(MerkleProofs.verifyInclusion(inclusion.get("leafIndex").asLong(), inclusion.get("treeSize").asLong(),
                Hash.fromBase64(inclusion.get("leafHash").asText()), hashes(inclusion.get("proof")),
                Hash.fromBase64(inclusion.at("/treeHead/root").asText()))).isTrue();
        assertThat(as("erin").get("/api/audit/inclusion?position=" + position).json().get("proof"))
                .isEqualTo(inclusion.get("proof"));

        // Consistency from the first non-empty signed head to the latest.
        long older = jdbc.queryForObject("SELECT min(size) FROM audit_tree_head WHERE size > 0", Long.class);
        byte[] olderRoot = jdbc.queryForObject("SELECT root FROM audit_tree_head WHERE size = ?", byte[].class, older);
        JsonNode consistency = as("erin").get("/api/audit/consistency?from=" + older).json();
        assertThat(consistency.get("fromRoot").asText()).isEqualTo(Hash.of(olderRoot).base64());
        assertThat(MerkleProofs.verifyConsistency(older, consistency.get("to").asLong(),
                Hash.of(olderRoot), Hash.fromBase64(consistency.get("toRoot").asText()),
                hashes(consistency.get("proof")))).isTrue();

        VerificationReport report = verifyExport();
        assertThat(report.failure()).isEmpty();
        assertThat(report.events()).isGreaterThanOrEqualTo(size);
        assertThat(recheck.fullPass()).isEmpty();
        assertThat(auditHealth().get("status").asText()).isEqualTo("UP");

        // The auditor's view of the same check (health details are the operator's).
        JsonNode status = as("erin").get("/api/audit/status").json();
        assertThat(status.get("status").asText()).isEqualTo("OK");
        assertThat(status.get("size").asLong()).isGreaterThanOrEqualTo(size);
        JsonNode latest = as("erin").get("/api/audit/tree-head").json();
        assertThat(status.at("/treeHead/size").asLong()).isEqualTo(latest.get("size").asLong());
        assertThat(status.at("/treeHead/root").asText()).isEqualTo(latest.get("root").asText());
        assertThat(status.at("/treeHead/timestamp").asText()).isEqualTo(latest.get("timestamp").asText());
        assertThat(status.at("/treeHead/keyId").asText()).isEqualTo(SigningKeys.keyId(publicKey()));
        assertThat(status.get("keyId").asText()).isEqualTo(SigningKeys.keyId(publicKey()));
        assertThat(status.at("/check/passes").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(Instant.parse(status.at("/check/lastPassAt").asText())).isAfter(Instant.now().minusSeconds(60));
        assertThat(status.at("/check/failure").isNull()).isTrue();
    }

    @Test
    void parametersAreCheckedAndNamed() {
        assertThat(as("erin").get("/api/audit/inclusion?position=0").json().get("field").asText()).isEqualTo("position");
        assertThat(as("erin").get("/api/audit/inclusion?eventId=nope").json().get("field").asText()).isEqualTo("eventId");
        assertThat(as("erin").get("/api/audit/inclusion").status()).isEqualTo(400);
        assertThat(as("erin").get("/api/audit/inclusion?eventId=" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(as("erin").get("/api/audit/consistency?from=1e2").json().get("field").asText()).isEqualTo("from");
        assertThat(as("erin").get("/api/audit/consistency").json().get("field").asText()).isEqualTo("from");
        assertThat(as("erin").get("/api/audit/consistency?from=1&to=99999999").json().get("field").asText()).isEqualTo("to");
    }

    @Test
    void anAlteredPayloadIsFoundByTheHealthCheckAndTheVerifier() throws Exception {
        someHistory();
        awaitCovered();
        long position = middlePosition();
        long globalIndex = globalIndexAt(position);
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, globalIndex);
        jdbc.update("UPDATE domain_event_entry SET payload = payload || '\\x20'::bytea WHERE global_index = ?", globalIndex);
        try {
            expectFound(Failure.Kind.LEAF, position);
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, globalIndex);
        }
        expectClean();
    }

    @Test
    void aDeletedEventIsFoundByTheHealthCheckAndTheVerifier() throws Exception {
        someHistory();
        awaitCovered();
        long position = middlePosition();
        long globalIndex = globalIndexAt(position);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", globalIndex);
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", globalIndex);
        try {
            expectFound(Failure.Kind.POSITION, position);
        } finally {
            List<String> columns = new ArrayList<>(row.keySet());
            jdbc.update("INSERT INTO domain_event_entry (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", columns.stream().map(row::get).toArray());
        }
        expectClean();
    }

    @Test
    void twoReorderedEventsAreFoundByTheHealthCheckAndTheVerifier() throws Exception {
        someHistory();
        awaitCovered();
        long position = middlePosition();
        long first = globalIndexAt(position);
        long second = globalIndexAt(position + 1);
        swap(first, second);
        try {
            expectFound(Failure.Kind.LEAF, position);
        } finally {
            swap(first, second);
        }
        expectClean();
    }

    private void swap(long first, long second) {
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", -first, first);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", second, -first);
    }

    private void expectFound(Failure.Kind kind, long position) throws Exception {
        Optional<Failure> found = recheck.fullPass();
        assertThat(found).as("health re-verification").isPresent();
        assertThat(found.get().kind()).as(found.get().describe()).isEqualTo(kind);
        assertThat(found.get().position()).as(found.get().describe()).isEqualTo(position);
        JsonNode health = auditHealth();
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/details/position").asLong()).isEqualTo(position);
        assertThat(health.at("/details/failure").asText()).contains("at position " + position);
        JsonNode status = as("erin").get("/api/audit/status").json();
        assertThat(status.get("status").asText()).isEqualTo("FAILED");
        assertThat(status.at("/check/failure/kind").asText()).isEqualTo(kind.name());
        assertThat(status.at("/check/failure/position").asLong()).isEqualTo(position);
        assertThat(status.at("/check/failure/detail").asText()).contains("at position " + position);

        VerificationReport report = verifyExport();
        assertThat(report.failure()).as("offline verifier").isPresent();
        assertThat(report.failure().get().kind()).as(report.failure().get().describe()).isEqualTo(kind);
        assertThat(report.failure().get().position()).as(report.failure().get().describe()).isEqualTo(position);
    }

    private void expectClean() throws Exception {
        assertThat(recheck.fullPass()).isEmpty();
        assertThat(auditHealth().get("status").asText()).isEqualTo("UP");
        assertThat(as("erin").get("/api/audit/status").json().get("status").asText()).isEqualTo("OK");
        assertThat(verifyExport().failure()).isEmpty();
    }

    /** A position with events on both sides, covered by the latest signed head. */
    private long middlePosition() {
        long size = jdbc.queryForObject("SELECT max(size) FROM audit_tree_head", Long.class);
        assertThat(size).isGreaterThanOrEqualTo(3);
        return size - 2;
    }

    private long globalIndexAt(long position) {
        return jdbc.queryForObject("SELECT global_index FROM audit_leaf WHERE position = ?", Long.class, position);
    }

    private static List<Hash> hashes(JsonNode array) {
        List<Hash> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(Hash.fromBase64(node.asText())));
        return hashes;
    }
}
