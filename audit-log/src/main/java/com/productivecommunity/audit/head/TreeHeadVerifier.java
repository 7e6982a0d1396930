package com.productivecommunity.audit.head;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Checks tree head signatures against one Ed25519 public key. Thread-safe. */
public final class TreeHeadVerifier {

    private final PublicKey publicKey;

    public TreeHeadVerifier(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public boolean verify(SignedTreeHead signed) {
        return verify(publicKey, signed.head().signedBytes(), signed.signature());
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        if (signatureBytes.length != 64) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (java.security.InvalidKeyException e) {
            throw new InvalidKeyException("not an Ed25519 public key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
