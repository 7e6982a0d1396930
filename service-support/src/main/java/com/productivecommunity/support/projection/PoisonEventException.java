package com.productivecommunity.support.projection;

/** A record on the topic that cannot be turned into an event; it blocks its partition until fixed. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
