package com.productivecommunity.audit.head;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/** A tree head with its Ed25519 signature (64 bytes) over {@link TreeHead#signedBytes()}. */
public record SignedTreeHead(TreeHead head, byte[] signature) {

    public SignedTreeHead {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(signature, "signature");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedTreeHead that && head.equals(that.head) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * head.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedTreeHead[size=" + head.size() + ", root=" + head.root().base64() + ", timestamp=" + head.timestamp()
                + ", signature=" + signatureBase64() + "]";
    }
}
