package com.productivecommunity.audit.verify;

import com.productivecommunity.audit.event.LeafEncoding;
import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.TreeHeadVerifier;
import com.productivecommunity.audit.merkle.Hash;
import com.productivecommunity.audit.merkle.HashStore;
import com.productivecommunity.audit.merkle.MerkleTree;
import com.productivecommunity.audit.merkle.StoredHashIndex;
import com.productivecommunity.audit.merkle.StoredHashes;
import com.productivecommunity.audit.merkle.TreeAppender;
import com.productivecommunity.audit.verify.Failure.Kind;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Re-verification of the live log for a health check: events read back from the database,
 * range by range, against the hashes stored when they were appended. For each event it recomputes
 * the leaf from the stored row and compares it with the stored leaf hash, and it recomputes every
 * stored interior hash the range completes from the stored hashes below it, so a background job
 * that walks the whole log once has checked every stored hash, and {@link #verifyTreeHead} then
 * ties them to the signed heads. Reads one contiguous run of stored hashes per range plus the
 * range's left border (at most 62).
 */
public final class LogRecheck {

    private LogRecheck() {
    }

    /**
     * Checks the events at positions {@code fromPosition} to {@code toPosition} (inclusive, all
     * already appended to the tree: {@code toPosition <= stored tree size}). {@code events} are the
     * rows read back for that range in position order; a row that is missing, repeated or out of
     * order is reported at the first position it leaves wrong.
     *
     * @return the first mismatch, or empty when every event and stored hash in the range matches
     */
    public static Optional<Failure> verifyRange(HashStore store, long fromPosition, long toPosition,
            Iterable<LoggedEvent> events) {
        if (fromPosition < 1 || toPosition < fromPosition) {
            throw new IllegalArgumentException("no positions from " + fromPosition + " to " + toPosition);
        }
        long firstLeaf = fromPosition - 1;
        long firstIndex = StoredHashIndex.count(firstLeaf);
        long endIndex = StoredHashIndex.count(toPosition);
        if (endIndex - firstIndex > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("range too large; check it in parts");
        }
        List<Hash> stored = store.readRange(firstIndex, (int) (endIndex - firstIndex));
        if (stored.size() != endIndex - firstIndex) {
            throw new IllegalStateException("hash store returned " + stored.size() + " hashes for " + (endIndex - firstIndex));
        }
        TreeAppender tree = TreeAppender.resume(firstLeaf, store);

        Iterator<LoggedEvent> rows = events.iterator();
        for (long position = fromPosition; position <= toPosition; position++) {
            if (!rows.hasNext()) {
                return fail(Kind.POSITION, position, null, "the event log has no row at position " + position
                        + ", though the tree holds its leaf");
            }
            LoggedEvent event = rows.next();
            if (event.position() != position) {
                return fail(Kind.POSITION, position, null, (event.position() > position
                        ? "the event log has no row at position " + position
                        : "position " + event.position() + " was read again or out of order")
                        + " (next row read: position " + event.position() + ", event " + event.eventId() + ")");
            }
            int offset = (int) (StoredHashIndex.ofLeaf(position - 1) - firstIndex);
            Hash storedLeaf = stored.get(offset);
            Hash recomputed;
            try {
                recomputed = LeafEncoding.leafHash(event);
            } catch (IllegalArgumentException e) {
                return fail(Kind.LEAF, position, event.eventId(), "the stored row cannot be encoded: " + e.getMessage());
            }
            if (!recomputed.equals(storedLeaf)) {
                return fail(Kind.LEAF, position, event.eventId(), "the stored event hashes to leaf " + recomputed.base64()
                        + ", but the log recorded leaf " + storedLeaf.base64() + " for it");
            }
            StoredHashes expected = tree.append(storedLeaf);
            for (int i = 1; i < expected.hashes().size(); i++) {
                Hash actual = stored.get(offset + i);
                if (!actual.equals(expected.hashes().get(i))) {
                    return fail(Kind.STORED_HASH, position, event.eventId(), "stored hash " + expected.indexOf(i)
                            + " (the subtree of " + (1L << i) + " leaves ending at position " + position
                            + ") does not match the hashes below it");
                }
            }
        }
        if (rows.hasNext()) {
            LoggedEvent extra = rows.next();
            return fail(Kind.POSITION, toPosition + 1, extra.eventId(), "a row beyond the range was read: position "
                    + extra.position());
        }
        return Optional.empty();
    }

    /**
     * Checks that a signed tree head is validly signed and that the stored hashes give its root:
     * together with {@link #verifyRange} over every position up to its size, the stored events are
     * exactly those the head vouches for.
     */
    public static Optional<Failure> verifyTreeHead(HashStore store, SignedTreeHead signed, TreeHeadVerifier verifier) {
        if (!verifier.verify(signed)) {
            return fail(Kind.SIGNATURE, null, null, "the stored tree head of size " + signed.head().size()
                    + " is not validly signed");
        }
        Hash root = MerkleTree.rootHash(signed.head().size(), store);
        if (!root.equals(signed.head().root())) {
            return fail(Kind.ROOT, null, null, "the stored hashes give root " + root.base64() + " at size "
                    + signed.head().size() + ", the signed tree head says " + signed.head().root().base64());
        }
        return Optional.empty();
    }

    private static Optional<Failure> fail(Kind kind, Long position, java.util.UUID eventId, String message) {
        return Optional.of(new Failure(kind, position, eventId, 0, message));
    }
}
