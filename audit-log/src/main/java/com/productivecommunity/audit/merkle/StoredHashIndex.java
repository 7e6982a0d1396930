package com.productivecommunity.audit.merkle;

/**
 * Where each node hash of the tree lives in a dense, append-only sequence of stored hashes.
 *
 * <p>Node {@code (level, k)} is the complete subtree of {@code 2^level} leaves starting at leaf
 * {@code k * 2^level}; level 0 are the leaf hashes. Hashes are stored in the order they become
 * known: appending leaf {@code n} stores its leaf hash, then the hash of every complete subtree
 * that leaf {@code n} completes, lowest first. So node {@code (level, k)} is stored right after the
 * leaf hash of its last leaf {@code m = (k + 1) * 2^level - 1}, {@code level} places after it, and
 * the leaf hash of leaf {@code m} is at {@code 2m - popcount(m)} (every earlier leaf {@code j}
 * stored {@code 1 + trailingOnes(j)} hashes). A tree of {@code n} leaves has
 * {@code 2n - popcount(n)} stored hashes, and a stored hash never changes once written.
 */
public final class StoredHashIndex {

    /** Leaves are addressed below 2^62, far beyond any log, so index arithmetic cannot overflow. */
    static final long MAX_LEAVES = 1L << 62;

    private StoredHashIndex() {
    }

    /** The stored index of node {@code (level, k)}. */
    public static long of(int level, long k) {
        if (level < 0 || level > 61 || k < 0 || k >= (MAX_LEAVES >>> level)) {
            throw new IllegalArgumentException("no tree node at level " + level + ", index " + k);
        }
        long lastLeaf = ((k + 1) << level) - 1;
        return 2 * lastLeaf - Long.bitCount(lastLeaf) + level;
    }

    /** The stored index of the hash of leaf {@code leafIndex} (0-based: event position minus one). */
    public static long ofLeaf(long leafIndex) {
        return of(0, leafIndex);
    }

    /** How many hashes a tree of {@code treeSize} leaves has stored. */
    public static long count(long treeSize) {
        if (treeSize < 0 || treeSize > MAX_LEAVES) {
            throw new IllegalArgumentException("tree size out of range: " + treeSize);
        }
        return 2 * treeSize - Long.bitCount(treeSize);
    }
}
