package com.productivecommunity.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accumulated "Subtree Test Vectors" of draft-ietf-plants-merkle-tree-certs, as reproduced in
 * transparency-dev/merkle {@code testonly/vectors_test.go}: over the tree of 130 leaves
 * {@code d[i] = byte(i)}, every valid subtree hash (and every inclusion proof inside every valid
 * subtree) is written as one text line and the lines are folded into one SHA-256. Every prefix tree
 * and every aligned subtree our stored-hash layout can produce is covered by these two values.
 */
class SubtreeVectorsTest {

    private static final int LEAVES = 130;

    private final MemoryHashStore store = Trees.store(byteLeaves());

    @Test
    void subtreeHashesFoldToThePublishedValue() throws Exception {
        MessageDigest folded = MessageDigest.getInstance("SHA-256");
        for (long end = 0; end <= LEAVES; end++) {
            for (long start = 0; start <= end; start++) {
                if (!valid(start, end)) {
                    continue;
                }
                Hash hash = start == end ? MerkleHashing.EMPTY_ROOT : MerkleTree.subtreeHash(start, end, store);
                folded.update(String.format("[%d, %d) %s\n", start, end, hash.hex()).getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertThat(HexFormat.of().formatHex(folded.digest()))
                .isEqualTo("b82806ad4265bb151c1119c0f4db437bb4d1a1f887b3a7fba1cd4ebf552e3e81");
    }

    @Test
    void subtreeInclusionProofsFoldToThePublishedValue() throws Exception {
        MessageDigest folded = MessageDigest.getInstance("SHA-256");
        for (long end = 0; end <= LEAVES; end++) {
            for (long start = 0; start <= end; start++) {
                if (!valid(start, end)) {
                    continue;
                }
                for (long index = start; index < end; index++) {
                    StringBuilder line = new StringBuilder(String.format("%d [%d, %d)", index, start, end));
                    for (Hash hash : MerkleTree.inclusionProof(index, start, end, store)) {
                        line.append(' ').append(hash.hex());
                    }
                    folded.update(line.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        assertThat(HexFormat.of().formatHex(folded.digest()))
                .isEqualTo("ac2a8f989e44d99e399db448050ff5f19757df53cfb716aa81015d3955d8163f");
    }

    /** The draft's validity rule: start is 0, or empty, or a multiple of bit_ceil(end - start). */
    private static boolean valid(long start, long end) {
        if (start == 0 || start == end) {
            return true;
        }
        long length = end - start;
        long ceil = length == 1 ? 1 : Long.highestOneBit(length - 1) << 1;
        return start % ceil == 0;
    }

    private static List<Hash> byteLeaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < LEAVES; i++) {
            leaves.add(new byte[] {(byte) i});
        }
        return Trees.leafHashes(leaves);
    }
}
