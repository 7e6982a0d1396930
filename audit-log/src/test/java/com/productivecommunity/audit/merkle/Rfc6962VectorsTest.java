package com.productivecommunity.audit.merkle;

import static com.productivecommunity.audit.merkle.Trees.RFC6962_LEAVES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RFC 6962 reference tree of 8 leaves, with the node hashes, roots and proofs published in
 * transparency-dev/merkle ({@code testonly/constants.go}, {@code testonly/reference_test.go}) and
 * certificate-transparency-go.
 */
class Rfc6962VectorsTest {

    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** NODES.get(level).get(k): the complete subtree of 2^level leaves starting at leaf k * 2^level. */
    private static final List<List<String>> NODES = List.of(
            List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
            List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            List.of("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    private final MemoryHashStore store = Trees.store(Trees.leafHashes(RFC6962_LEAVES));

    @Test
    void emptyTreeHashIsTheHashOfTheEmptyString() {
        assertThat(MerkleHashing.EMPTY_ROOT.hex()).isEqualTo(ROOTS.get(0));
        assertThat(TreeAppender.empty().root().hex()).isEqualTo(ROOTS.get(0));
        assertThat(MerkleTree.rootHash(0, store).hex()).isEqualTo(ROOTS.get(0));
    }

    @Test
    void rootsOfEveryPrefixMatchThePublishedOnes() {
        TreeAppender appender = TreeAppender.empty();
        for (int size = 1; size <= 8; size++) {
            appender.append(MerkleHashing.leafHash(RFC6962_LEAVES.get(size - 1)));
            assertThat(appender.root().hex()).as("appender root at size %d", size).isEqualTo(ROOTS.get(size));
            assertThat(MerkleTree.rootHash(size, store).hex()).as("stored root at size %d", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void everyStoredNodeHashMatchesThePublishedOne() {
        for (int level = 0; level < NODES.size(); level++) {
            for (int k = 0; k < NODES.get(level).size(); k++) {
                Hash stored = store.readHashes(new long[] {StoredHashIndex.of(level, k)}).get(0);
                assertThat(stored.hex()).as("node (%d, %d)", level, k).isEqualTo(NODES.get(level).get(k));
            }
        }
        assertThat(store.size()).isEqualTo(StoredHashIndex.count(8)).isEqualTo(15);
    }

    @Test
    void inclusionProofsMatchThePublishedOnes() {
        assertInclusion(0, 1);
        assertInclusion(0, 2, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7");
        assertInclusion(1, 2, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertInclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(1, 5,
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertInclusion(0, 8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(5, 8,
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void consistencyProofsMatchThePublishedOnes() {
        assertConsistency(1, 1);
        assertConsistency(1, 8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(2, 5,
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistency(6, 8,
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    private void assertInclusion(int leaf, int size, String... expected) {
        List<Hash> proof = MerkleTree.inclusionProof(leaf, size, store);
        assertThat(proof).extracting(Hash::hex).as("PATH(%d, D[%d])", leaf, size).containsExactly(expected);
        assertThat(MerkleProofs.verifyInclusion(leaf, size, MerkleHashing.leafHash(RFC6962_LEAVES.get(leaf)), proof,
                Hash.fromHex(ROOTS.get(size)))).isTrue();
    }

    private void assertConsistency(int oldSize, int newSize, String... expected) {
        List<Hash> proof = MerkleTree.consistencyProof(oldSize, newSize, store);
        assertThat(proof).extracting(Hash::hex).as("PROOF(%d, D[%d])", oldSize, newSize).containsExactly(expected);
        assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, Hash.fromHex(ROOTS.get(oldSize)),
                Hash.fromHex(ROOTS.get(newSize)), proof)).isTrue();
    }
}
