package com.productivecommunity.analytics.model;

/** A model definition cannot be used: unknown signal, negative weight, threshold out of range, unreadable. */
public class InvalidValueModelException extends RuntimeException {
    public InvalidValueModelException(String message) {
        super(message);
    }

    public InvalidValueModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
