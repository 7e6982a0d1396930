package com.productivecommunity.support.web;

/** Thrown when the request's content is invalid (400); answered as problem details. Domain exceptions extend it. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String detail) {
        super(detail);
    }
}
