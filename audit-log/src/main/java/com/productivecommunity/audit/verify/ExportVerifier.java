package com.productivecommunity.audit.verify;

import com.productivecommunity.audit.event.LeafEncoding;
import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.export.ExportFormat;
import com.productivecommunity.audit.export.ExportFormatException;
import com.productivecommunity.audit.export.ExportLine;
import com.productivecommunity.audit.export.ExportReader;
import com.productivecommunity.audit.head.InvalidKeyException;
import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.head.TreeHead;
import com.productivecommunity.audit.head.TreeHeadVerifier;
import com.productivecommunity.audit.merkle.FileHashStore;
import com.productivecommunity.audit.merkle.Hash;
import com.productivecommunity.audit.merkle.MerkleHashing;
import com.productivecommunity.audit.merkle.MerkleProofs;
import com.productivecommunity.audit.merkle.MerkleTree;
import com.productivecommunity.audit.merkle.TreeAppender;
import com.productivecommunity.audit.verify.Failure.Kind;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Verifies an export with nothing but the file (and, ideally, the log's public key obtained
 * separately): recomputes every leaf from the event's fields and compares it with the leaf hash
 * the log recorded, rebuilds the tree from those leaves, and at every tree head checks the
 * signature, that the root equals the rebuilt tree's root at that size, a consistency proof from
 * the previous head computed from the rebuilt tree, and that sizes and timestamps never go back.
 * Stops at the first failure. Heap use is constant; the rebuilt tree's hashes go to a scratch
 * file (64 bytes per event) under {@code scratchDirectory}, deleted afterwards.
 */
public final class ExportVerifier {

    private final PublicKey trustedKey;
    private final Path scratchDirectory;

    /**
     * @param trustedKey the log's public key as the auditor knows it, or null to take the one the
     *                   export names (which then only proves the export is self-consistent)
     */
    public ExportVerifier(PublicKey trustedKey, Path scratchDirectory) {
        this.trustedKey = trustedKey;
        this.scratchDirectory = scratchDirectory;
    }

    public VerificationReport verify(InputStream export) {
        try (FileHashStore store = FileHashStore.createTemporary(scratchDirectory)) {
            Run run = new Run(new ExportReader(export), store);
            try {
                run.read();
                return run.report(null);
            } catch (Failed failed) {
                return run.report(failed.failure);
            }
        }
    }

    private final class Run {
        private final ExportReader reader;
        private final FileHashStore store;
        private final TreeAppender tree = TreeAppender.empty();
        private TreeHeadVerifier signatures;
        private String keyId;
        private long treeHeads;
        private TreeHead firstHead;
        private TreeHead lastHead;
        /** The first event whose bytes differ from its recorded leaf, reported at the next head. */
        private Failure leafMismatch;
        /** The event right after the last tree head: the first one a failing head leaves unproven. */
        private UUID firstUncoveredEventId;

        Run(ExportReader reader, FileHashStore store) {
            this.reader = reader;
            this.store = store;
        }

        void read() {
            header(next());
            while (true) {
                ExportLine line = next();
                if (line == null) {
                    fail(Kind.TRUNCATED, tree.size() + 1, null, "the export stops after position " + tree.size()
                            + " (line " + reader.lineNumber() + ") without its end line: the file is cut");
                }
                if (line instanceof ExportLine.Event event) {
                    event(event);
                } else if (line instanceof ExportLine.TreeHead head) {
                    treeHead(head.signed());
                } else if (line instanceof ExportLine.End end) {
                    end(end);
                    return;
                } else {
                    fail(Kind.FORMAT, null, null, "a second header line");
                }
            }
        }

        private ExportLine next() {
            try {
                return reader.next();
            } catch (ExportFormatException e) {
                // Before the header is read no event position is concerned.
                fail(Kind.FORMAT, signatures == null ? null : tree.size() + 1, null, e.getMessage()
                        + (tree.size() > 0 ? " (after position " + tree.size() + ")" : ""), e.line());
                return null;
            }
        }

        private void header(ExportLine line) {
            if (!(line instanceof ExportLine.Header header)) {
                fail(Kind.FORMAT, null, null, line == null ? "the file is empty" : "the first line is not the export header");
                return;
            }
            if (header.version() != ExportFormat.VERSION || header.leafEncoding() != LeafEncoding.VERSION) {
                fail(Kind.FORMAT, null, null, "export version " + header.version() + " with leaf encoding "
                        + header.leafEncoding() + "; this verifier reads version " + ExportFormat.VERSION
                        + " with leaf encoding " + LeafEncoding.VERSION);
            }
            PublicKey named;
            try {
                named = SigningKeys.publicKeyFromPem(header.publicKeyPem());
            } catch (InvalidKeyException e) {
                fail(Kind.FORMAT, null, null, "the header's public key: " + e.getMessage());
                return;
            }
            if (!SigningKeys.keyId(named).equals(header.keyId())) {
                fail(Kind.FORMAT, null, null, "the header's key_id is not the SHA-256 of its public key");
            }
            if (trustedKey != null && !Arrays.equals(trustedKey.getEncoded(), named.getEncoded())) {
                fail(Kind.KEY, null, null, "the export names key " + header.keyId() + ", not the trusted key "
                        + SigningKeys.keyId(trustedKey) + ": its tree heads are not the log's");
            }
            PublicKey key = trustedKey != null ? trustedKey : named;
            signatures = new TreeHeadVerifier(key);
            keyId = SigningKeys.keyId(key);
        }

        private void event(ExportLine.Event line) {
            LoggedEvent event = line.event();
            long expected = tree.size() + 1;
            if (event.position() != expected) {
                String what = event.position() > expected
                        ? (event.position() == expected + 1 ? "the event at position " + expected + " is missing"
                                : "the events at positions " + expected + " to " + (event.position() - 1) + " are missing")
                        : "position " + event.position() + " comes again or out of order";
                fail(Kind.POSITION, expected, null, what + ": after position " + (expected - 1) + " comes position "
                        + event.position() + " (event " + event.eventId() + ")");
            }
            Hash recomputed;
            try {
                recomputed = LeafEncoding.leafHash(event);
            } catch (IllegalArgumentException e) {
                fail(Kind.FORMAT, event.position(), event.eventId(), "cannot encode the event: " + e.getMessage());
                return;
            }
            if (leafMismatch == null && !recomputed.equals(line.leafHash())) {
                leafMismatch = new Failure(Kind.LEAF, event.position(), event.eventId(), reader.lineNumber(),
                        "the event's stored bytes hash to leaf " + recomputed.base64() + ", but the log recorded leaf "
                                + line.leafHash().base64() + " for it");
            }
            store.append(tree.append(line.leafHash()));
            if (firstUncoveredEventId == null) {
                firstUncoveredEventId = event.eventId();
            }
        }

        private void treeHead(SignedTreeHead signed) {
            TreeHead head = signed.head();
            long coveredFrom = lastHead == null ? 1 : lastHead.size() + 1;
            // A head that repeats the previous size covers no new event.
            Long firstCovered = coveredFrom <= head.size() ? coveredFrom : null;
            if (head.size() > tree.size()) {
                fail(Kind.POSITION, tree.size() + 1, null, "a tree head of size " + head.size() + " follows position "
                        + tree.size() + ": the events at positions " + (tree.size() + 1) + " to " + head.size() + " are missing");
            }
            if (head.size() < tree.size()) {
                fail(Kind.ORDER, head.size() + 1, null, "a tree head of size " + head.size() + " comes after position "
                        + tree.size() + "; a head belongs right after the event at its size");
            }
            if (lastHead != null && head.timestamp().isBefore(lastHead.timestamp())) {
                fail(Kind.ORDER, null, null, "the tree head of size " + head.size() + " is dated " + head.timestamp()
                        + ", before the previous head (size " + lastHead.size() + ", " + lastHead.timestamp() + ")");
            }
            boolean signatureValid = signatures.verify(signed);
            Hash rebuilt = tree.root();
            boolean rootMatches = rebuilt.equals(head.root());
            if (leafMismatch != null) {
                Failure mismatch = leafMismatch;
                fail(new Failure(mismatch.kind(), mismatch.position(), mismatch.eventId(), mismatch.line(),
                        mismatch.message() + (signatureValid && rootMatches
                                ? "; the signed tree head of size " + head.size()
                                + " confirms the recorded leaf, so the event was changed after it was logged"
                                : "; the tree head of size " + head.size() + " does not match either")));
            }
            if (!signatureValid) {
                fail(Kind.SIGNATURE, firstCovered, firstUncoveredEventId, "the tree head of size " + head.size() + " (line "
                        + reader.lineNumber() + ") is not signed by key " + keyId
                        + ": positions " + coveredFrom + " to " + head.size() + " are not vouched for");
            }
            if (!rootMatches) {
                fail(Kind.ROOT, firstCovered, firstUncoveredEventId, "the signed tree head of size " + head.size() + " has root "
                        + head.root().base64() + ", the events up to position " + head.size() + " hash to "
                        + rebuilt.base64() + ": an event from position " + coveredFrom + " to " + head.size()
                        + " and its recorded leaf were both changed");
            }
            if (lastHead != null && lastHead.size() > 0) {
                List<Hash> proof = MerkleTree.consistencyProof(lastHead.size(), head.size(), store);
                if (!MerkleProofs.verifyConsistency(lastHead.size(), head.size(), lastHead.root(), head.root(), proof)) {
                    fail(Kind.CONSISTENCY, firstCovered, firstUncoveredEventId, "the tree head of size " + head.size()
                            + " is not consistent with the previous one of size " + lastHead.size());
                }
            } else if (head.size() == 0 && !head.root().equals(MerkleHashing.EMPTY_ROOT)) {
                fail(Kind.ROOT, null, null, "a tree head of size 0 whose root is not the empty tree's");
            }
            if (firstHead == null) {
                firstHead = head;
            }
            lastHead = head;
            firstUncoveredEventId = null;
            treeHeads++;
        }

        private void end(ExportLine.End end) {
            if (leafMismatch != null) {
                fail(new Failure(leafMismatch.kind(), leafMismatch.position(), leafMismatch.eventId(), leafMismatch.line(),
                        leafMismatch.message()));
            }
            long covered = lastHead == null ? 0 : lastHead.size();
            if (covered != tree.size()) {
                fail(Kind.UNCOVERED, covered + 1, null, "positions " + (covered + 1) + " to " + tree.size()
                        + " come after the last signed tree head (size " + covered + ") and are vouched for by nothing");
            }
            if (end.events() != tree.size() || end.treeHeads() != treeHeads) {
                fail(Kind.TRUNCATED, end.events() > tree.size() ? tree.size() + 1 : null, null, "the end line counts "
                        + end.events() + " events and " + end.treeHeads() + " tree heads, the export holds "
                        + tree.size() + " and " + treeHeads);
            }
            ExportLine after = next();
            if (after != null) {
                fail(Kind.FORMAT, null, null, "content after the end line");
            }
        }

        private void fail(Kind kind, Long position, UUID eventId, String message) {
            fail(kind, position, eventId, message, reader.lineNumber());
        }

        private void fail(Kind kind, Long position, UUID eventId, String message, long line) {
            fail(new Failure(kind, position, eventId, line, message));
        }

        private void fail(Failure failure) {
            // An altered event seen earlier in the stream is the first thing that does not match.
            if (leafMismatch != null && failure.kind() != Kind.LEAF) {
                failure = new Failure(leafMismatch.kind(), leafMismatch.position(), leafMismatch.eventId(),
                        leafMismatch.line(), leafMismatch.message() + "; then: " + failure.describe());
            }
            throw new Failed(failure);
        }

        VerificationReport report(Failure failure) {
            return new VerificationReport(tree.size(), treeHeads, tree.size() == 0 ? 0 : 1, tree.size(), keyId,
                    trustedKey != null, firstHead, lastHead, tree.root(), Optional.ofNullable(failure));
        }
    }

    private static final class Failed extends RuntimeException {
        private final transient Failure failure;

        Failed(Failure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }
    }
}
