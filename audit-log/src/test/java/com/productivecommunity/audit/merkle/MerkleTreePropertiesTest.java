package com.productivecommunity.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of the stored tree against RFC 9162's definitions written out naively
 * ({@link Trees#mth}, {@link Trees#path}, {@link Trees#proof}): exhaustively for small trees, on
 * random sizes for large ones. Random choices come from fixed seeds, printed in each assertion.
 */
class MerkleTreePropertiesTest {

    private static final int SMALL = 70;

    private final List<Hash> leaves = Trees.numberedLeafHashes(SMALL);
    private final MemoryHashStore store = Trees.store(leaves);

    @Test
    void rootsAndProofsEqualTheRfcDefinitionsForEverySmallTree() {
        for (int size = 1; size <= SMALL; size++) {
            List<Hash> prefix = leaves.subList(0, size);
            Hash root = MerkleTree.rootHash(size, store);
            assertThat(root).as("root %d", size).isEqualTo(Trees.mth(prefix));
            for (int leaf = 0; leaf < size; leaf++) {
                List<Hash> proof = MerkleTree.inclusionProof(leaf, size, store);
                assertThat(proof).as("PATH(%d, D[%d])", leaf, size).isEqualTo(Trees.path(leaf, prefix));
                assertThat(MerkleProofs.verifyInclusion(leaf, size, leaves.get(leaf), proof, root)).isTrue();
            }
            for (int old = 1; old <= size; old++) {
                List<Hash> proof = MerkleTree.consistencyProof(old, size, store);
                assertThat(proof).as("PROOF(%d, D[%d])", old, size).isEqualTo(Trees.proof(old, prefix));
                assertThat(MerkleProofs.verifyConsistency(old, size, MerkleTree.rootHash(old, store), root, proof)).isTrue();
            }
        }
    }

    @Test
    void aFlippedBitAnywhereInAnInclusionCheckMakesItFail() {
        for (int size = 1; size <= 33; size++) {
            Hash root = MerkleTree.rootHash(size, store);
            for (int leaf = 0; leaf < size; leaf++) {
                List<Hash> proof = MerkleTree.inclusionProof(leaf, size, store);
                Hash leafHash = leaves.get(leaf);
                for (int bit = 0; bit < 256; bit++) {
                    assertThat(MerkleProofs.verifyInclusion(leaf, size, leafHash.withBitFlipped(bit), proof, root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(leaf, size, leafHash, proof, root.withBitFlipped(bit))).isFalse();
                    for (int element = 0; element < proof.size(); element++) {
                        assertThat(MerkleProofs.verifyInclusion(leaf, size, leafHash, flipped(proof, element, bit), root))
                                .as("size %d leaf %d element %d bit %d", size, leaf, element, bit).isFalse();
                    }
                }
                assertWrongShapesFail(leaf, size, leafHash, proof, root);
            }
        }
    }

    @Test
    void aFlippedBitAnywhereInAConsistencyCheckMakesItFail() {
        for (int size = 2; size <= 33; size++) {
            Hash root = MerkleTree.rootHash(size, store);
            for (int old = 1; old < size; old++) {
                Hash oldRoot = MerkleTree.rootHash(old, store);
                List<Hash> proof = MerkleTree.consistencyProof(old, size, store);
                for (int bit = 0; bit < 256; bit++) {
                    assertThat(MerkleProofs.verifyConsistency(old, size, oldRoot.withBitFlipped(bit), root, proof)).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(old, size, oldRoot, root.withBitFlipped(bit), proof)).isFalse();
                    for (int element = 0; element < proof.size(); element++) {
                        assertThat(MerkleProofs.verifyConsistency(old, size, oldRoot, root, flipped(proof, element, bit)))
                                .as("%d -> %d element %d bit %d", old, size, element, bit).isFalse();
                    }
                }
                assertThat(MerkleProofs.verifyConsistency(old, size, oldRoot, root, proof.subList(0, proof.size() - 1))).isFalse();
                assertThat(MerkleProofs.verifyConsistency(old, size, oldRoot, root, appended(proof, root))).isFalse();
                assertThat(MerkleProofs.verifyConsistency(old + 1, size, oldRoot, root, proof)).as("%d -> %d", old, size).isFalse();
                assertThat(MerkleProofs.verifyConsistency(size, old, root, oldRoot, proof)).isFalse();
            }
        }
    }

    @Test
    void randomLargeTreesProduceProofsThatVerifyAndFailWhenFlipped() {
        long seed = 20_260_101L;
        Random random = new Random(seed);
        int size = 100_000 + random.nextInt(5_000);
        List<Hash> many = Trees.numberedLeafHashes(size);
        MemoryHashStore big = Trees.store(many);
        for (int round = 0; round < 300; round++) {
            long treeSize = 1 + random.nextInt(size);
            long leaf = random.nextInt((int) treeSize);
            long old = 1 + random.nextInt((int) treeSize);
            Hash root = MerkleTree.rootHash(treeSize, big);
            Hash oldRoot = MerkleTree.rootHash(old, big);
            String context = "seed " + seed + " round " + round + " size " + treeSize + " leaf " + leaf + " old " + old;

            List<Hash> inclusion = MerkleTree.inclusionProof(leaf, treeSize, big);
            assertThat(inclusion.size()).as(context).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(treeSize));
            assertThat(MerkleProofs.verifyInclusion(leaf, treeSize, many.get((int) leaf), inclusion, root)).as(context).isTrue();
            List<Hash> consistency = MerkleTree.consistencyProof(old, treeSize, big);
            assertThat(MerkleProofs.verifyConsistency(old, treeSize, oldRoot, root, consistency)).as(context).isTrue();

            int bit = random.nextInt(256);
            if (!inclusion.isEmpty()) {
                int element = random.nextInt(inclusion.size());
                assertThat(MerkleProofs.verifyInclusion(leaf, treeSize, many.get((int) leaf), flipped(inclusion, element, bit), root))
                        .as(context).isFalse();
            }
            assertThat(MerkleProofs.verifyInclusion(leaf, treeSize, many.get((int) leaf).withBitFlipped(bit), inclusion, root))
                    .as(context).isFalse();
            if (!consistency.isEmpty()) {
                int element = random.nextInt(consistency.size());
                assertThat(MerkleProofs.verifyConsistency(old, treeSize, oldRoot, root, flipped(consistency, element, bit)))
                        .as(context).isFalse();
            }
            if (old < treeSize) {
                assertThat(MerkleProofs.verifyConsistency(old, treeSize, oldRoot.withBitFlipped(bit), root, consistency))
                        .as(context).isFalse();
            }
        }
        assertThat(MerkleTree.rootHash(size, big)).isEqualTo(Trees.mth(many));
    }

    @Test
    void appendingInBatchesAfterResumingStoresTheSameHashes() {
        MemoryHashStore batched = new MemoryHashStore();
        Random random = new Random(7);
        int done = 0;
        while (done < SMALL) {
            int batch = Math.min(SMALL - done, 1 + random.nextInt(9));
            TreeAppender appender = TreeAppender.resume(done, batched);
            assertThat(appender.root()).isEqualTo(MerkleTree.rootHash(done, store));
            StoredHashes run = appender.appendAll(leaves.subList(done, done + batch));
            assertThat(run.firstIndex()).isEqualTo(StoredHashIndex.count(done));
            assertThat(run.endIndex()).isEqualTo(StoredHashIndex.count(done + batch));
            batched.append(run);
            done += batch;
        }
        assertThat(batched.readRange(0, (int) batched.size())).isEqualTo(store.readRange(0, (int) store.size()));
    }

    @Test
    void aFileStoreHoldsWhatAMemoryStoreHolds(@TempDir Path directory) {
        List<Hash> many = Trees.numberedLeafHashes(40_000);
        try (FileHashStore file = FileHashStore.createTemporary(directory)) {
            TreeAppender appender = TreeAppender.empty();
            MemoryHashStore memory = new MemoryHashStore();
            for (Hash leaf : many) {
                StoredHashes run = appender.append(leaf);
                file.append(run);
                memory.append(run);
            }
            assertThat(file.size()).isEqualTo(memory.size());
            for (long size : new long[] {1, 2, 16_383, 16_384, 16_385, 39_999, 40_000}) {
                assertThat(MerkleTree.rootHash(size, file)).isEqualTo(MerkleTree.rootHash(size, memory));
                assertThat(MerkleTree.consistencyProof(size, 40_000, file)).isEqualTo(MerkleTree.consistencyProof(size, 40_000, memory));
            }
            assertThat(appender.root()).isEqualTo(MerkleTree.rootHash(40_000, file));
        }
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        assertThatThrownBy(() -> MerkleTree.inclusionProof(5, 5, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(0, 5, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(6, 5, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.rootHash(SMALL + 1, store)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MerkleTree.subtreeHash(3, 5, store)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertWrongShapesFail(int leaf, int size, Hash leafHash, List<Hash> proof, Hash root) {
        // Not asserted: the same proof for a neighbouring tree size. A proof does not bind the size to
        // the root (leaf 0 of 5 and of 6 can share one); the signed tree head does.
        assertThat(MerkleProofs.verifyInclusion(leaf, size, leafHash, appended(proof, root), root)).isFalse();
        if (!proof.isEmpty()) {
            assertThat(MerkleProofs.verifyInclusion(leaf, size, leafHash, proof.subList(0, proof.size() - 1), root)).isFalse();
            assertThat(MerkleProofs.verifyInclusion(leaf ^ 1, size, leafHash, proof, root)).isFalse();
        }
        assertThat(MerkleProofs.verifyInclusion(size, size, leafHash, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(-1, size, leafHash, proof, root)).isFalse();
    }

    private static List<Hash> flipped(List<Hash> proof, int element, int bit) {
        List<Hash> copy = new ArrayList<>(proof);
        copy.set(element, copy.get(element).withBitFlipped(bit));
        return copy;
    }

    private static List<Hash> appended(List<Hash> proof, Hash extra) {
        List<Hash> copy = new ArrayList<>(proof);
        copy.add(extra);
        return copy;
    }
}
