package com.productivecommunity.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hash functions of RFC 9162 section 2.1.1: leaves and interior nodes get distinct one-byte
 * prefixes, so no leaf can be passed off as a node (second-preimage resistance of the tree).
 */
public final class MerkleHashing {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** The root of the empty tree: SHA-256 of the empty string. */
    public static final Hash EMPTY_ROOT = Hash.wrap(sha256().digest());

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHashing::sha256);

    private MerkleHashing() {
    }

    /** SHA-256(0x00 || leaf bytes). */
    public static Hash leafHash(byte[] leafBytes) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        digest.update(leafBytes);
        return Hash.wrap(digest.digest());
    }

    /** SHA-256(0x01 || left || right). */
    public static Hash nodeHash(Hash left, Hash right) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        left.feed(digest);
        right.feed(digest);
        return Hash.wrap(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
