package com.productivecommunity.analytics.model;

/**
 * A model definition cannot be used: unknown signal, negative weight, threshold out of range, unreadable.
 * {@link #field()} names the part of the definition at fault ({@code name}, {@code weights.LIKE_GIVEN}, ...) when
 * one is, so the API's 400 can name it.
 */
public class InvalidValueModelException extends RuntimeException {

    private final String field;

    public InvalidValueModelException(String message) {
        this(null, message);
    }

    public InvalidValueModelException(String field, String message) {
        super(message);
        this.field = field;
    }

    public InvalidValueModelException(String message, Throwable cause) {
        super(message, cause);
        this.field = null;
    }

    public String field() {
        return field;
    }
}
