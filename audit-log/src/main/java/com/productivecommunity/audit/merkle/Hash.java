package com.productivecommunity.audit.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** A SHA-256 value: a leaf hash, an interior node hash or a tree root. Immutable. */
public final class Hash {

    public static final int SIZE = 32;

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}, which must be exactly 32 bytes long. */
    public static Hash of(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException("a hash is " + SIZE + " bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
        return new Hash(bytes.clone());
    }

    /** Reads 32 bytes at {@code offset} of {@code buffer}. */
    public static Hash of(byte[] buffer, int offset) {
        return new Hash(Arrays.copyOfRange(buffer, offset, offset + SIZE));
    }

    /** Takes ownership of a freshly computed digest (no copy). */
    static Hash wrap(byte[] digest) {
        return new Hash(digest);
    }

    public static Hash fromBase64(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + e.getMessage(), e);
        }
        return of(decoded);
    }

    public static Hash fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Writes the 32 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, SIZE);
    }

    void feed(MessageDigest digest) {
        digest.update(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The same hash with one bit inverted: for tests that show a change is detected. */
    public Hash withBitFlipped(int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return new Hash(copy);
    }

    @Override
    public boolean equals(Object other) {
        // Constant time: a verifier compares attacker-supplied roots with computed ones.
        return other instanceof Hash that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
