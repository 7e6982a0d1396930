package com.productivecommunity.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends leaves to a tree, returning the stored hashes each append creates. It keeps the tree's
 * right border in memory (the roots of the maximal complete subtrees, at most one per level, 62 at
 * most), so an append reads nothing from the store, averages two hashes to persist per leaf, and
 * the current root costs at most 62 node hashes.
 *
 * <p>Not thread-safe: the log has a single writer, which appends in position order.
 */
public final class TreeAppender {

    /** border[level] is the complete subtree of 2^level leaves in the border, or null. */
    private final Hash[] border = new Hash[63];
    private long size;

    private TreeAppender() {
    }

    /** A tree with no leaves yet. */
    public static TreeAppender empty() {
        return new TreeAppender();
    }

    /**
     * Continues a tree of {@code size} leaves whose stored hashes are in {@code store}: reads the
     * border (one hash per set bit of {@code size}) in one call.
     */
    public static TreeAppender resume(long size, HashStore store) {
        TreeAppender appender = new TreeAppender();
        if (size == 0) {
            return appender;
        }
        List<Integer> levels = MerkleTree.borderLevels(size);
        long[] indexes = new long[levels.size()];
        for (int i = 0; i < indexes.length; i++) {
            int level = levels.get(i);
            indexes[i] = StoredHashIndex.of(level, (size >>> level) - 1);
        }
        List<Hash> hashes = MerkleTree.read(store, indexes);
        for (int i = 0; i < indexes.length; i++) {
            appender.border[levels.get(i)] = hashes.get(i);
        }
        appender.size = size;
        return appender;
    }

    public long size() {
        return size;
    }

    /** Appends leaf number {@link #size()} and returns the hashes to store for it. */
    public StoredHashes append(Hash leafHash) {
        long firstIndex = StoredHashIndex.count(size);
        List<Hash> created = new ArrayList<>(2);
        push(leafHash, created);
        return new StoredHashes(firstIndex, created);
    }

    /** Appends several leaves; the hashes to store form one run. */
    public StoredHashes appendAll(List<Hash> leafHashes) {
        long firstIndex = StoredHashIndex.count(size);
        List<Hash> created = new ArrayList<>(leafHashes.size() * 2 + 1);
        for (Hash leafHash : leafHashes) {
            push(leafHash, created);
        }
        return new StoredHashes(firstIndex, created);
    }

    private void push(Hash leafHash, List<Hash> created) {
        if (size + 1 >= StoredHashIndex.MAX_LEAVES) {
            throw new IllegalStateException("the tree is full");
        }
        Hash carry = leafHash;
        created.add(carry);
        int level = 0;
        // Each trailing 1 bit of the old size is a complete subtree the new leaf's subtree merges with.
        while ((size >>> level & 1) == 1) {
            carry = MerkleHashing.nodeHash(border[level], carry);
            border[level] = null;
            created.add(carry);
            level++;
        }
        border[level] = carry;
        size++;
    }

    /** The root of the tree as it is now (RFC 9162 MTH over all leaves appended). */
    public Hash root() {
        Hash root = null;
        for (Hash subtree : border) {
            if (subtree != null) {
                root = root == null ? subtree : MerkleHashing.nodeHash(subtree, root);
            }
        }
        return root == null ? MerkleHashing.EMPTY_ROOT : root;
    }
}
