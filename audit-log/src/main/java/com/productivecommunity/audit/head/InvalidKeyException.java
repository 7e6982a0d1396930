package com.productivecommunity.audit.head;

/** A key file or PEM text that is not a usable Ed25519 key, with what is wrong in words. */
public class InvalidKeyException extends RuntimeException {

    public InvalidKeyException(String message) {
        super(message);
    }

    public InvalidKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
