package com.productivecommunity.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Tree heads and proofs computed from stored hashes, as RFC 9162 section 2.1 defines them (MTH,
 * PATH, PROOF/SUBPROOF). Every method makes one {@link HashStore#readHashes} call for O(log n)
 * hashes: a proof element is the hash of a subtree, and a subtree {@code [lo, hi)} whose start is
 * aligned is made of at most one stored complete subtree per level.
 *
 * <p>Leaves are numbered from 0: leaf {@code i} is the event at position {@code i + 1}.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** The root hash of the first {@code treeSize} leaves (any size up to what is stored). */
    public static Hash rootHash(long treeSize, HashStore store) {
        checkSize(treeSize);
        if (treeSize == 0) {
            return MerkleHashing.EMPTY_ROOT;
        }
        return new Plan().add(0, treeSize).compute(store).get(0);
    }

    /**
     * The hash of the subtree over leaves {@code [lo, hi)}; {@code lo} must be a multiple of the
     * smallest power of two not below {@code hi - lo} (the subtrees RFC 9162 proofs are made of).
     */
    public static Hash subtreeHash(long lo, long hi, HashStore store) {
        if (lo < 0 || hi <= lo || hi > StoredHashIndex.MAX_LEAVES || lo % smallestPowerOfTwoAtLeast(hi - lo) != 0) {
            throw new IllegalArgumentException("[" + lo + ", " + hi + ") is not a subtree of an RFC 9162 tree");
        }
        return new Plan().add(lo, hi).compute(store).get(0);
    }

    /** The stored hash of leaf {@code leafIndex}. */
    public static Hash leafHash(long leafIndex, HashStore store) {
        return read(store, new long[] {StoredHashIndex.ofLeaf(leafIndex)}).get(0);
    }

    /**
     * The inclusion proof (audit path) of leaf {@code leafIndex} in the tree of {@code treeSize}
     * leaves: RFC 9162 PATH(m, D[n]), deepest sibling first.
     */
    public static List<Hash> inclusionProof(long leafIndex, long treeSize, HashStore store) {
        checkSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize + " leaves");
        }
        return inclusionProof(leafIndex, 0, treeSize, store);
    }

    /** PATH within the subtree over leaves [lo, hi), which must be aligned as in {@link #subtreeHash}. */
    static List<Hash> inclusionProof(long leafIndex, long lo, long hi, HashStore store) {
        List<long[]> siblings = new ArrayList<>();
        while (hi - lo > 1) {
            long split = lo + largestPowerOfTwoBelow(hi - lo);
            if (leafIndex < split) {
                siblings.add(new long[] {split, hi});
                hi = split;
            } else {
                siblings.add(new long[] {lo, split});
                lo = split;
            }
        }
        Plan plan = new Plan();
        for (int i = siblings.size() - 1; i >= 0; i--) {
            plan.add(siblings.get(i)[0], siblings.get(i)[1]);
        }
        return plan.compute(store);
    }

    /**
     * The consistency proof between the trees of {@code oldSize} and {@code newSize} leaves:
     * RFC 9162 PROOF(m, D[n]) = SUBPROOF(m, D[n], true). Empty when the sizes are equal.
     */
    public static List<Hash> consistencyProof(long oldSize, long newSize, HashStore store) {
        checkSize(newSize);
        if (oldSize < 1 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to size " + newSize);
        }
        if (oldSize == newSize) {
            return List.of();
        }
        List<long[]> nodes = new ArrayList<>();
        long lo = 0;
        long hi = newSize;
        long boundary = oldSize; // the old tree's end, as an absolute leaf number
        boolean oldRootKnown = true;
        while (boundary != hi) {
            long split = lo + largestPowerOfTwoBelow(hi - lo);
            if (boundary <= split) {
                nodes.add(new long[] {split, hi});
                hi = split;
            } else {
                nodes.add(new long[] {lo, split});
                lo = split;
                oldRootKnown = false;
            }
        }
        // Reached [lo, hi) ending at the old size: a subtree of the old tree, which the verifier knows
        // only when it is the whole old tree.
        if (!oldRootKnown) {
            nodes.add(new long[] {lo, hi});
        }
        Plan plan = new Plan();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            plan.add(nodes.get(i)[0], nodes.get(i)[1]);
        }
        return plan.compute(store);
    }

    /** Largest power of two strictly smaller than n (n >= 2): RFC 9162's split point k. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    static long smallestPowerOfTwoAtLeast(long n) {
        return n == 1 ? 1 : Long.highestOneBit(n - 1) << 1;
    }

    /** Levels of the maximal complete subtrees of a tree of {@code size} leaves, largest first. */
    static List<Integer> borderLevels(long size) {
        List<Integer> levels = new ArrayList<>();
        for (int level = 62; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                levels.add(level);
            }
        }
        return levels;
    }

    static List<Hash> read(HashStore store, long[] indexes) {
        List<Hash> hashes = store.readHashes(indexes);
        if (hashes == null || hashes.size() != indexes.length) {
            throw new IllegalStateException("hash store returned " + (hashes == null ? "null" : hashes.size())
                    + " hashes for " + indexes.length + " indexes");
        }
        return hashes;
    }

    private static void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize >= StoredHashIndex.MAX_LEAVES) {
            throw new IllegalArgumentException("tree size out of range: " + treeSize);
        }
    }

    /**
     * Subtree hashes to compute, gathered first so that the stored hashes they need are read in a
     * single call.
     */
    private static final class Plan {
        private final List<long[]> nodes = new ArrayList<>(); // {level, k}
        private final List<Integer> partsPerSubtree = new ArrayList<>();

        /** [lo, hi) as the stored complete subtrees it is made of, left to right. */
        Plan add(long lo, long hi) {
            int parts = 0;
            while (lo < hi) {
                int alignment = lo == 0 ? 62 : Long.numberOfTrailingZeros(lo);
                int fits = 63 - Long.numberOfLeadingZeros(hi - lo);
                int level = Math.min(alignment, fits);
                nodes.add(new long[] {level, lo >>> level});
                lo += 1L << level;
                parts++;
            }
            partsPerSubtree.add(parts);
            return this;
        }

        List<Hash> compute(HashStore store) {
            long[] indexes = new long[nodes.size()];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = StoredHashIndex.of((int) nodes.get(i)[0], nodes.get(i)[1]);
            }
            List<Hash> stored = indexes.length == 0 ? List.of() : read(store, indexes);
            List<Hash> result = new ArrayList<>(partsPerSubtree.size());
            int next = 0;
            for (int parts : partsPerSubtree) {
                // Right to left: the RFC tree over an aligned range nests its smaller right parts.
                Hash hash = stored.get(next + parts - 1);
                for (int i = next + parts - 2; i >= next; i--) {
                    hash = MerkleHashing.nodeHash(stored.get(i), hash);
                }
                result.add(hash);
                next += parts;
            }
            return result;
        }
    }
}
