package com.productivecommunity.support.projection;

/** Why a record is parked instead of applied. */
public enum ParkReason {
    /** Not JSON, or not an event envelope. */
    UNDECODABLE,
    /** An envelope of an event type this service does not know (e.g. from a newer producer). */
    UNKNOWN_TYPE,
    /** A {@code schemaVersion} this service cannot read: higher than it knows (never read with fields ignored), or below 1. */
    UNSUPPORTED_VERSION,
    /** A known type whose payload does not match its contract. */
    MALFORMED_PAYLOAD,
    /** The projection's {@code apply} threw for this event, after the bounded retries. */
    FAILED,
    /** An earlier sequence of the event's aggregate never arrived; held until it does or an operator skips the gap. */
    GAP,
    /** Held behind an earlier parked event of its aggregate, or of an aggregate it refers to. */
    BEHIND
}
