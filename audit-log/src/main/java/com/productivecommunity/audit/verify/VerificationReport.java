package com.productivecommunity.audit.verify;

import com.productivecommunity.audit.head.TreeHead;
import com.productivecommunity.audit.merkle.Hash;
import java.util.Optional;

/**
 * What the verifier checked, up to the first failure if there was one.
 *
 * @param events         events read and whose leaves were recomputed
 * @param treeHeads      tree heads whose signature, root and consistency were checked
 * @param keyId          hex SHA-256 of the public key the signatures were checked with
 * @param keyPinned      true when that key was given by the auditor, false when taken from the export itself
 * @param firstHead      the first tree head read, or null
 * @param lastHead       the last tree head that passed every check, or null
 * @param root           the root of the tree recomputed over all events read
 */
public record VerificationReport(
        long events,
        long treeHeads,
        long firstPosition,
        long lastPosition,
        String keyId,
        boolean keyPinned,
        TreeHead firstHead,
        TreeHead lastHead,
        Hash root,
        Optional<Failure> failure) {

    public boolean ok() {
        return failure.isEmpty();
    }
}
