package com.productivecommunity.support.projection;

/** Where a parked record stands. */
public enum ParkState {
    /** Waiting: not applied, holding later events of its aggregate. */
    PARKED,
    /** Applied later (after a retry, or released when what it waited for was applied or skipped). */
    APPLIED,
    /** Given up by an operator, with a reason; never applied. */
    SKIPPED,
    /** Found to be a redelivery of an event applied meanwhile. */
    DUPLICATE
}
