package com.productivecommunity.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.head.TreeHeadVerifier;
import com.productivecommunity.audit.merkle.MerkleProofs;
import com.productivecommunity.audit.merkle.MerkleTree;
import com.productivecommunity.audit.merkle.StoredHashIndex;
import com.productivecommunity.audit.verify.Failure.Kind;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The health check's re-verification: rows read back as the database would return them. */
class LogRecheckTest {

    private static final KeyPair KEY = SigningKeys.generate();

    private final SampleLog log = new SampleLog(300, 50, KEY);

    @Test
    void anUntouchedLogPassesRangeByRange() {
        for (long from = 1; from <= 300; from += 64) {
            long to = Math.min(300, from + 63);
            assertThat(LogRecheck.verifyRange(log.store, from, to, rows(from, to))).as("%d..%d", from, to).isEmpty();
        }
        assertThat(LogRecheck.verifyRange(log.store, 1, 300, log.events)).isEmpty();
        assertThat(LogRecheck.verifyTreeHead(log.store, log.heads.get(log.heads.size() - 1),
                new TreeHeadVerifier(KEY.getPublic()))).isEmpty();
    }

    @Test
    void anAlteredPayloadIsNamed() {
        List<LoggedEvent> rows = rows(129, 192);
        LoggedEvent original = rows.get(150 - 129);
        rows.set(150 - 129, new LoggedEvent(150, original.eventId(), original.aggregateType(), original.aggregateId(),
                original.sequence(), original.eventType(), original.schemaVersion(), original.communityId(),
                original.actorId(), original.occurredAt(), "{\"text\":\"edited\"}".getBytes(StandardCharsets.UTF_8),
                original.metadata()));
        Failure failure = LogRecheck.verifyRange(log.store, 129, 192, rows).orElseThrow();
        assertThat(failure.kind()).isEqualTo(Kind.LEAF);
        assertThat(failure.position()).isEqualTo(150);
        assertThat(failure.eventId()).isEqualTo(original.eventId());
    }

    @Test
    void aDeletedRowIsNamed() {
        List<LoggedEvent> rows = rows(129, 192);
        rows.remove(150 - 129);
        Failure failure = LogRecheck.verifyRange(log.store, 129, 192, rows).orElseThrow();
        assertThat(failure.kind()).isEqualTo(Kind.POSITION);
        assertThat(failure.position()).isEqualTo(150);

        List<LoggedEvent> lastDeleted = rows(129, 192);
        lastDeleted.remove(lastDeleted.size() - 1);
        assertThat(LogRecheck.verifyRange(log.store, 129, 192, lastDeleted).orElseThrow().position()).isEqualTo(192);
    }

    @Test
    void twoRowsWithSwappedPositionsAreNamedAtTheFirst() {
        List<LoggedEvent> rows = rows(129, 192);
        LoggedEvent a = rows.get(140 - 129);
        LoggedEvent b = rows.get(170 - 129);
        rows.set(140 - 129, withPosition(b, 140));
        rows.set(170 - 129, withPosition(a, 170));
        Failure failure = LogRecheck.verifyRange(log.store, 129, 192, rows).orElseThrow();
        assertThat(failure.kind()).isEqualTo(Kind.LEAF);
        assertThat(failure.position()).isEqualTo(140);
        assertThat(failure.eventId()).isEqualTo(b.eventId());
    }

    @Test
    void anAlteredStoredHashIsNamedAtTheLeafThatCreatedIt() {
        // Leaf 159 (position 160) completes subtrees of 2 to 32 leaves; corrupt the 8-leaf one.
        long index = StoredHashIndex.of(3, 159 / 8);
        log.store.overwrite(index, log.store.readHashes(new long[] {index}).get(0).withBitFlipped(0));
        Failure failure = LogRecheck.verifyRange(log.store, 129, 192, rows(129, 192)).orElseThrow();
        assertThat(failure.kind()).isEqualTo(Kind.STORED_HASH);
        assertThat(failure.position()).isEqualTo(160);
        // A right child is never part of a root computation, only of proofs: the signed head still
        // checks out, but the platform would now serve inclusion proofs that fail. Hence the range check.
        var head = log.heads.get(log.heads.size() - 1);
        assertThat(LogRecheck.verifyTreeHead(log.store, head, new TreeHeadVerifier(KEY.getPublic()))).isEmpty();
        assertThat(MerkleProofs.verifyInclusion(149, 300, MerkleTree.leafHash(149, log.store),
                MerkleTree.inclusionProof(149, 300, log.store), head.head().root())).isFalse();
    }

    @Test
    void anAlteredBorderHashIsCaughtByTheTreeHeadCheck() {
        long index = StoredHashIndex.of(8, 0); // leaves 0..255: part of every root from size 256 on
        log.store.overwrite(index, log.store.readHashes(new long[] {index}).get(0).withBitFlipped(0));
        assertThat(LogRecheck.verifyTreeHead(log.store, log.heads.get(log.heads.size() - 1),
                new TreeHeadVerifier(KEY.getPublic())).orElseThrow().kind()).isEqualTo(Kind.ROOT);
        assertThat(LogRecheck.verifyRange(log.store, 193, 256, rows(193, 256)).orElseThrow().position()).isEqualTo(256);
    }

    @Test
    void anAlteredStoredLeafIsNamed() {
        long index = StoredHashIndex.ofLeaf(99);
        log.store.overwrite(index, MerkleTree.leafHash(98, log.store));
        Optional<Failure> failure = LogRecheck.verifyRange(log.store, 65, 128, rows(65, 128));
        assertThat(failure.orElseThrow().kind()).isEqualTo(Kind.LEAF);
        assertThat(failure.orElseThrow().position()).isEqualTo(100);
    }

    @Test
    void aForgedTreeHeadIsRejected() {
        TreeHeadVerifier verifier = new TreeHeadVerifier(SigningKeys.generate().getPublic());
        assertThat(LogRecheck.verifyTreeHead(log.store, log.heads.get(0), verifier).orElseThrow().kind())
                .isEqualTo(Kind.SIGNATURE);
    }

    private List<LoggedEvent> rows(long from, long to) {
        return new ArrayList<>(log.events.subList((int) from - 1, (int) to));
    }

    private static LoggedEvent withPosition(LoggedEvent event, long position) {
        return new LoggedEvent(position, event.eventId(), event.aggregateType(), event.aggregateId(), event.sequence(),
                event.eventType(), event.schemaVersion(), event.communityId(), event.actorId(), event.occurredAt(),
                event.payload(), event.metadata());
    }
}
