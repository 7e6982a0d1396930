package com.productivecommunity.command.core;

/** The aggregate and sequence of an event: what a reader waits for to read its own write. */
public record EventPosition(String aggregateId, long sequence) {

    public static final String HEADER = "X-Event-Position";

    public String header() {
        return aggregateId + ":" + sequence;
    }
}
