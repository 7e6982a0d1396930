package com.productivecommunity.events;

/** An envelope names an event type this build does not know (it was written by a newer producer). */
public class UnknownEventTypeException extends RuntimeException {
    public UnknownEventTypeException(String type) {
        super("Unknown event type: " + type);
    }
}
