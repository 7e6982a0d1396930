package com.productivecommunity.audit.merkle;

import java.util.List;

/**
 * Verification of inclusion and consistency proofs by the algorithms of RFC 9162 sections 2.1.3.2
 * and 2.1.4.2. They need nothing but the proof and the roots: an auditor runs them against signed
 * tree heads without trusting the log.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /**
     * Whether {@code proof} shows that the leaf with hash {@code leafHash} is leaf number
     * {@code leafIndex} (from 0) of the tree of {@code treeSize} leaves with root {@code root}.
     */
    public static boolean verifyInclusion(long leafIndex, long treeSize, Hash leafHash, List<Hash> proof, Hash root) {
        return leafIndex >= 0 && leafIndex < treeSize
                && root.equals(rootFromInclusionProof(leafIndex, treeSize, leafHash, proof));
    }

    /** The root implied by an inclusion proof, or null when the proof has the wrong shape. */
    static Hash rootFromInclusionProof(long leafIndex, long treeSize, Hash leafHash, List<Hash> proof) {
        long fn = leafIndex;
        long sn = treeSize - 1;
        Hash r = leafHash;
        for (Hash p : proof) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashing.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHashing.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 ? r : null;
    }

    /**
     * Whether {@code proof} shows that the tree of {@code oldSize} leaves with root {@code oldRoot}
     * is a prefix of the tree of {@code newSize} leaves with root {@code newRoot}. A proof from the
     * empty tree proves nothing and is rejected, as are sizes that go backwards; equal sizes need an
     * empty proof and equal roots.
     */
    public static boolean verifyConsistency(long oldSize, long newSize, Hash oldRoot, Hash newRoot, List<Hash> proof) {
        if (oldSize < 1 || newSize < oldSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && oldRoot.equals(newRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        // When the old tree is a complete subtree of the new one, its root is the proof's seed.
        boolean seeded = Long.bitCount(oldSize) == 1;
        int next = 0;
        Hash first = seeded ? oldRoot : proof.get(next++);
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        Hash fr = first;
        Hash sr = first;
        for (; next < proof.size(); next++) {
            Hash c = proof.get(next);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashing.nodeHash(c, fr);
                sr = MerkleHashing.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHashing.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && fr.equals(oldRoot) && sr.equals(newRoot);
    }
}
