package com.productivecommunity.support.web;

/** Thrown when an id names nothing that exists (404); answered as problem details. Domain exceptions extend it. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String detail) {
        super(detail);
    }
}
