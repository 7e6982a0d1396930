package com.productivecommunity.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.productivecommunity.audit.event.LeafEncoding;
import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.export.ExportReader;
import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.head.TreeHead;
import com.productivecommunity.audit.head.TreeHeadSigner;
import com.productivecommunity.audit.merkle.Hash;
import com.productivecommunity.audit.merkle.MerkleTree;
import com.productivecommunity.audit.verify.Failure.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports built here (no database), tampered with as an attacker with SQL access or a cut transfer would. */
class ExportVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair LOG_KEY = SigningKeys.generate();

    /** 100 events, a signed head after every 10th. */
    private final SampleLog log = new SampleLog(100, 10, LOG_KEY);

    @TempDir
    Path scratch;

    @Test
    void theUntouchedExportPasses() {
        VerificationReport report = verify(log.exportLines(), LOG_KEY.getPublic());
        assertThat(report.failure()).isEmpty();
        assertThat(report.events()).isEqualTo(100);
        assertThat(report.treeHeads()).isEqualTo(10);
        assertThat(report.firstPosition()).isEqualTo(1);
        assertThat(report.lastPosition()).isEqualTo(100);
        assertThat(report.root()).isEqualTo(MerkleTree.rootHash(100, log.store));
        assertThat(report.lastHead()).isEqualTo(log.heads.get(9).head());
        assertThat(report.keyPinned()).isTrue();
        assertThat(report.keyId()).isEqualTo(SigningKeys.keyId(LOG_KEY.getPublic()));
    }

    @Test
    void theExportReadsBackAsTheEventsWritten() {
        ExportReader reader = new ExportReader(new ByteArrayInputStream(String.join("\n", log.exportLines())
                .concat("\n").getBytes(StandardCharsets.UTF_8)));
        List<LoggedEvent> read = new ArrayList<>();
        for (var line = reader.next(); line != null; line = reader.next()) {
            if (line instanceof com.productivecommunity.audit.export.ExportLine.Event event) {
                read.add(event.event());
            }
        }
        assertThat(read).isEqualTo(log.events);
    }

    @Test
    void anAlteredPayloadIsNamedByPositionAndEventId() {
        List<String> lines = edit(log.exportLines(), 37, node -> node.put("payload",
                base64("{\"contributionId\":\"c-37\",\"text\":\"answer number 38 \u00e9\"}")));
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.LEAF);
        assertThat(failure.position()).isEqualTo(37);
        assertThat(failure.eventId()).isEqualTo(log.events.get(36).eventId());
        assertThat(failure.message()).contains("confirms the recorded leaf");
    }

    @Test
    void anyAlteredColumnIsDetected() {
        for (String field : List.of("aggregate_type", "aggregate_id", "event_type", "actor_id")) {
            Failure failure = failure(edit(log.exportLines(), 52, node -> node.put(field, "x")));
            assertThat(failure.kind()).as(field).isEqualTo(Kind.LEAF);
            assertThat(failure.position()).as(field).isEqualTo(52);
        }
        assertThat(failure(edit(log.exportLines(), 52, node -> node.put("sequence", 99))).position()).isEqualTo(52);
        assertThat(failure(edit(log.exportLines(), 52, node -> node.put("occurred_at", "2026-01-05T09:00:52.123457Z")))
                .position()).isEqualTo(52);
        assertThat(failure(edit(log.exportLines(), 52, node -> node.putNull("community_id"))).position()).isEqualTo(52);
        assertThat(failure(edit(log.exportLines(), 53, node -> node.put("metadata", base64("{}")))).position()).isEqualTo(53);
        assertThat(failure(edit(log.exportLines(), 52, node -> node.put("event_id", UUID.randomUUID().toString())))
                .position()).isEqualTo(52);
    }

    @Test
    void anEventAlteredTogetherWithItsLeafIsCaughtByTheNextSignedHead() {
        List<String> lines = edit(log.exportLines(), 37, node -> {
            LoggedEvent forged = withPayload(log.events.get(36), "{\"text\":\"forged\"}");
            node.put("payload", base64("{\"text\":\"forged\"}"));
            node.put("leaf_hash", LeafEncoding.leafHash(forged).base64());
        });
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.ROOT);
        assertThat(failure.position()).isEqualTo(31); // the first event the head of size 40 vouches for beyond size 30
        assertThat(failure.eventId()).isEqualTo(log.events.get(30).eventId());
        assertThat(failure.message()).contains("from position 31 to 40");
    }

    @Test
    void aDeletedEventIsNamed() {
        List<String> lines = log.exportLines();
        lines.remove(lineOf(lines, 37));
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.POSITION);
        assertThat(failure.position()).isEqualTo(37);
        assertThat(failure.message()).contains("the event at position 37 is missing");
    }

    @Test
    void aDeletedEventJustBeforeAHeadIsNamed() {
        List<String> lines = log.exportLines();
        lines.remove(lineOf(lines, 40));
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.POSITION);
        assertThat(failure.position()).isEqualTo(40);
    }

    @Test
    void aDeletedEventWithTheLaterOnesRenumberedIsNamed() {
        List<String> lines = log.exportLines();
        lines.remove(lineOf(lines, 37));
        for (long position = 38; position <= 100; position++) {
            final long renumbered = position - 1;
            lines = edit(lines, position, node -> node.put("position", renumbered));
        }
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.LEAF);
        assertThat(failure.position()).isEqualTo(37);
        assertThat(failure.eventId()).isEqualTo(log.events.get(37).eventId()); // what now sits at 37
    }

    @Test
    void twoReorderedEventsAreNamedAtTheFirst() {
        List<String> lines = log.exportLines();
        int first = lineOf(lines, 37);
        int second = lineOf(lines, 38);
        String line = lines.get(first);
        lines.set(first, lines.get(second));
        lines.set(second, line);
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.POSITION);
        assertThat(failure.position()).isEqualTo(37);
        assertThat(failure.message()).contains("after position 36 comes position 38");
    }

    @Test
    void twoEventsSwappedUnderTheirPositionsAreNamedAtTheFirst() {
        List<String> lines = log.exportLines();
        ObjectNode at37 = node(lines.get(lineOf(lines, 37)));
        ObjectNode at45 = node(lines.get(lineOf(lines, 45)));
        at37.put("position", 45);
        at45.put("position", 37);
        lines.set(lineOf(lines, 37), at45.toString());
        lines.set(lineOf(lines, 45), at37.toString());
        lines = new ArrayList<>(lines);
        Failure failure = failure(lines);
        assertThat(failure.position()).isEqualTo(37);
        assertThat(failure.eventId()).isEqualTo(log.events.get(44).eventId());
    }

    @Test
    void anAlteredTreeHeadIsNamed() {
        List<String> lines = log.exportLines();
        int head = headLine(lines, 60);
        ObjectNode node = node(lines.get(head));
        node.put("root", Hash.fromBase64(node.get("root").asText()).withBitFlipped(3).base64());
        lines.set(head, node.toString());
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.SIGNATURE);
        assertThat(failure.position()).isEqualTo(51);
        assertThat(failure.eventId()).isEqualTo(log.events.get(50).eventId());

        List<String> redated = log.exportLines();
        ObjectNode dated = node(redated.get(head));
        dated.put("timestamp", "2026-01-05T09:01:00.001Z");
        redated.set(head, dated.toString());
        assertThat(failure(redated).kind()).isEqualTo(Kind.SIGNATURE);
    }

    @Test
    void headsSignedWithAnotherKeyAreRejected() {
        KeyPair other = SigningKeys.generate();
        TreeHeadSigner forger = new TreeHeadSigner(other);
        List<String> lines = log.exportLines();
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode node = node(lines.get(i));
            if (node.get("type").asText().equals("tree_head")) {
                TreeHead head = new TreeHead(node.get("size").asLong(), Hash.fromBase64(node.get("root").asText()),
                        Instant.parse(node.get("timestamp").asText()));
                node.put("signature", forger.sign(head).signatureBase64());
                lines.set(i, node.toString());
            }
        }
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.SIGNATURE);
        assertThat(failure.position()).isEqualTo(1);

        // The forger also puts their key in the header: only a pinned key tells.
        ObjectNode header = node(lines.get(0));
        header.put("public_key", SigningKeys.toPem(other.getPublic()));
        header.put("key_id", SigningKeys.keyId(other.getPublic()));
        lines.set(0, header.toString());
        Failure pinned = failure(lines);
        assertThat(pinned.kind()).isEqualTo(Kind.KEY);
        assertThat(pinned.line()).isEqualTo(1);
        VerificationReport unpinned = verify(lines, null);
        assertThat(unpinned.ok()).isTrue();
        assertThat(unpinned.keyPinned()).isFalse();
    }

    @Test
    void aCutFileIsNamedWhereItStops() {
        List<String> lines = log.exportLines();
        List<String> cut = new ArrayList<>(lines.subList(0, lineOf(lines, 55) + 1));
        Failure failure = failure(cut);
        assertThat(failure.kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(failure.position()).isEqualTo(56);

        List<String> withoutEnd = new ArrayList<>(lines.subList(0, lines.size() - 1));
        assertThat(failure(withoutEnd).kind()).isEqualTo(Kind.TRUNCATED);

        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        int middleOfLine57 = String.join("\n", lines.subList(0, lineOf(lines, 57))).length() + 30;
        VerificationReport midLine = new ExportVerifier(LOG_KEY.getPublic(), scratch)
                .verify(new ByteArrayInputStream(java.util.Arrays.copyOf(bytes, middleOfLine57)));
        assertThat(midLine.failure().orElseThrow().kind()).isEqualTo(Kind.FORMAT);
        assertThat(midLine.failure().orElseThrow().position()).isEqualTo(57);
        assertThat(midLine.failure().orElseThrow().message()).contains("cut");
    }

    @Test
    void eventsAfterTheLastHeadAreNotVouchedFor() {
        SampleLog uneven = new SampleLog(25, 10, LOG_KEY);
        List<String> lines = uneven.exportLines();
        lines.remove(headLine(lines, 25));
        lines.set(lines.size() - 1, "{\"type\":\"end\",\"events\":25,\"tree_heads\":2}");
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.UNCOVERED);
        assertThat(failure.position()).isEqualTo(21);
    }

    @Test
    void headsGoingBackInTimeAreRejectedEvenWhenSigned() {
        TreeHeadSigner signer = new TreeHeadSigner(LOG_KEY);
        List<String> lines = log.exportLines();
        int head = headLine(lines, 30);
        SignedTreeHead resigned = signer.sign(30, MerkleTree.rootHash(30, log.store), SampleLog.START);
        ObjectNode node = node(lines.get(head));
        node.put("timestamp", resigned.head().timestamp().toString());
        node.put("signature", resigned.signatureBase64());
        lines.set(head, node.toString());
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.ORDER);
        assertThat(failure.message()).contains("before the previous head");
    }

    @Test
    void malformedLinesAreRefusedWithTheirLineNumber() {
        List<String> lines = log.exportLines();
        lines.add(lineOf(lines, 12), "{\"type\":\"event\"}");
        Failure failure = failure(lines);
        assertThat(failure.kind()).isEqualTo(Kind.FORMAT);
        assertThat(failure.line()).isEqualTo(lineOf(log.exportLines(), 12) + 1);
        assertThat(failure.message()).contains("missing field");

        List<String> extra = log.exportLines();
        extra.add("{\"type\":\"end\",\"events\":100,\"tree_heads\":10}");
        assertThat(failure(extra).message()).contains("content after the end line");

        List<String> unknownField = edit(log.exportLines(), 3, node -> node.put("note", "hi"));
        assertThat(failure(unknownField).message()).contains("unexpected field 'note'");
        assertThat(failure(List.of()).message()).contains("empty");
    }

    private VerificationReport verify(List<String> lines, PublicKey key) {
        byte[] bytes = lines.isEmpty() ? new byte[0] : (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return new ExportVerifier(key, scratch).verify(new ByteArrayInputStream(bytes));
    }

    private Failure failure(List<String> lines) {
        VerificationReport report = verify(lines, LOG_KEY.getPublic());
        assertThat(report.failure()).as("a failure").isPresent();
        return report.failure().orElseThrow();
    }

    private static int lineOf(List<String> lines, long position) {
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode node = node(lines.get(i));
            if (node.get("type").asText().equals("event") && node.get("position").asLong() == position) {
                return i;
            }
        }
        throw new AssertionError("no event line for position " + position);
    }

    private static int headLine(List<String> lines, long size) {
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode node = node(lines.get(i));
            if (node.get("type").asText().equals("tree_head") && node.get("size").asLong() == size) {
                return i;
            }
        }
        throw new AssertionError("no tree head of size " + size);
    }

    private static List<String> edit(List<String> lines, long position, java.util.function.Consumer<ObjectNode> change) {
        List<String> copy = new ArrayList<>(lines);
        int index = lineOf(copy, position);
        ObjectNode node = node(copy.get(index));
        change.accept(node);
        copy.set(index, node.toString());
        return copy;
    }

    private static ObjectNode node(String line) {
        try {
            return (ObjectNode) JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static LoggedEvent withPayload(LoggedEvent event, String payload) {
        return new LoggedEvent(event.position(), event.eventId(), event.aggregateType(), event.aggregateId(),
                event.sequence(), event.eventType(), event.schemaVersion(), event.communityId(), event.actorId(),
                event.occurredAt(), payload.getBytes(StandardCharsets.UTF_8), event.metadata());
    }
}
