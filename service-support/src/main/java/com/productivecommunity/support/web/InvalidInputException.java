package com.productivecommunity.support.web;

/**
 * Thrown when the request's content is invalid (400); answered as problem details, with a {@code field}
 * member naming the offending field, parameter or header when there is one. Domain exceptions extend it.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String detail) {
        this(null, detail);
    }

    /** {@code field}: a body field ({@code title}, {@code contributionIds[2]}), a path or query parameter, or a header. */
    public InvalidInputException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The offending field, or null when the whole request is at fault. */
    public String field() {
        return field;
    }
}
