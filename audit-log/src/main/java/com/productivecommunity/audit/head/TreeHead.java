package com.productivecommunity.audit.head;

import com.productivecommunity.audit.merkle.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The state of the log at one moment: its first {@code size} events have the Merkle root
 * {@code root}. The timestamp has millisecond precision (as in RFC 6962's signed tree heads).
 */
public record TreeHead(long size, Hash root, Instant timestamp) {

    /** Domain separation: these bytes can never be mistaken for any other signed message. */
    static final byte[] SIGNING_PREFIX = "pc-audit-tree-head:v1".getBytes(StandardCharsets.US_ASCII);

    /** Length of {@link #signedBytes()}: prefix, size, timestamp, root. */
    public static final int SIGNED_LENGTH = SIGNING_PREFIX.length + 8 + 8 + Hash.SIZE;

    public TreeHead {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(timestamp, "timestamp");
        if (timestamp.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("tree head timestamps have millisecond precision, got " + timestamp);
        }
    }

    /** A head at {@code timestamp} truncated to the millisecond. */
    public static TreeHead at(long size, Hash root, Instant timestamp) {
        return new TreeHead(size, root, Instant.ofEpochMilli(timestamp.toEpochMilli()));
    }

    public long timestampMillis() {
        return timestamp.toEpochMilli();
    }

    /**
     * The bytes that are signed: ASCII {@code "pc-audit-tree-head:v1"} (21 bytes), the size as an
     * unsigned 64-bit big-endian integer, the timestamp as milliseconds since the epoch (signed
     * 64-bit big-endian), then the 32 root bytes: 69 bytes in all.
     */
    public byte[] signedBytes() {
        ByteBuffer out = ByteBuffer.allocate(SIGNED_LENGTH);
        out.put(SIGNING_PREFIX);
        out.putLong(size);
        out.putLong(timestampMillis());
        out.put(root.toBytes());
        return out.array();
    }
}
