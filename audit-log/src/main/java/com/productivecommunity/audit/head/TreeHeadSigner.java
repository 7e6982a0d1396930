package com.productivecommunity.audit.head;

import com.productivecommunity.audit.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;

/** Signs tree heads with the log's Ed25519 key. Thread-safe. */
public final class TreeHeadSigner {

    private final KeyPair keys;

    /** Refuses a key pair whose halves do not belong together. */
    public TreeHeadSigner(KeyPair keys) {
        this(keys, true);
    }

    TreeHeadSigner(KeyPair keys, boolean check) {
        this.keys = keys;
        if (check && !selfCheck()) {
            throw new InvalidKeyException("the public key is not the private key's: tree heads would not verify");
        }
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public SignedTreeHead sign(TreeHead head) {
        return new SignedTreeHead(head, sign(head.signedBytes()));
    }

    /** Signs (size, root) at {@code timestamp}, truncated to the millisecond. */
    public SignedTreeHead sign(long size, Hash root, Instant timestamp) {
        return sign(TreeHead.at(size, root, timestamp));
    }

    boolean selfCheck() {
        byte[] probe = "pc-audit-key-check".getBytes(StandardCharsets.US_ASCII);
        try {
            return TreeHeadVerifier.verify(keys.getPublic(), probe, sign(probe));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("cannot sign with the configured key: " + e.getMessage(), e);
        }
    }
}
