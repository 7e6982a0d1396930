package com.productivecommunity.support.web;

/** Thrown when the authenticated member may not do this (403); answered as problem details. Domain exceptions extend it. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String detail) {
        super(detail);
    }
}
