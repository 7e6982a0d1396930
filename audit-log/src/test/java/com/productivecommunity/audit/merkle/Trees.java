package com.productivecommunity.audit.merkle;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test helpers: build stored trees, and RFC 9162's definitions written out naively as an oracle. */
final class Trees {

    /** RFC 6962's test leaf inputs (also used by transparency-dev/merkle and certificate-transparency-go). */
    static final List<byte[]> RFC6962_LEAVES = List.of(
            hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"), hex("40414243"),
            hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    private Trees() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static List<Hash> leafHashes(List<byte[]> leaves) {
        List<Hash> hashes = new ArrayList<>();
        for (byte[] leaf : leaves) {
            hashes.add(MerkleHashing.leafHash(leaf));
        }
        return hashes;
    }

    static MemoryHashStore store(List<Hash> leafHashes) {
        MemoryHashStore store = new MemoryHashStore();
        TreeAppender appender = TreeAppender.empty();
        for (Hash leafHash : leafHashes) {
            store.append(appender.append(leafHash));
        }
        return store;
    }

    /** Leaves whose hashes are cheap to make distinct: leaf i is the 8 bytes of i. */
    static List<Hash> numberedLeafHashes(int count) {
        List<Hash> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] leaf = new byte[8];
            for (int b = 0; b < 8; b++) {
                leaf[b] = (byte) (i >>> (56 - 8 * b));
            }
            hashes.add(MerkleHashing.leafHash(leaf));
        }
        return hashes;
    }

    // --- RFC 9162 section 2.1, by the letter, over an in-memory list (the oracle) ---

    static Hash mth(List<Hash> leaves) {
        if (leaves.isEmpty()) {
            return MerkleHashing.EMPTY_ROOT;
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHashing.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    static List<Hash> path(int m, List<Hash> leaves) {
        List<Hash> result = new ArrayList<>();
        if (leaves.size() <= 1) {
            return result;
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        if (m < k) {
            result.addAll(path(m, leaves.subList(0, k)));
            result.add(mth(leaves.subList(k, leaves.size())));
        } else {
            result.addAll(path(m - k, leaves.subList(k, leaves.size())));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }

    static List<Hash> proof(int m, List<Hash> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<Hash> subproof(int m, List<Hash> leaves, boolean b) {
        List<Hash> result = new ArrayList<>();
        int n = leaves.size();
        if (m == n) {
            if (!b) {
                result.add(mth(leaves));
            }
            return result;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            result.addAll(subproof(m, leaves.subList(0, k), b));
            result.add(mth(leaves.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, leaves.subList(k, n), false));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }
}
