package com.productivecommunity.support.web;

/** Thrown when the request conflicts with the current state (409); answered as problem details. Domain exceptions extend it. */
public class ConflictException extends RuntimeException {
    public ConflictException(String detail) {
        super(detail);
    }
}
