package com.productivecommunity.support.projection;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventEnvelope;

/**
 * One event as a projection receives it: the Kafka envelope, its decoded payload and where it was read.
 * {@code event()} is the payload; the envelope's own {@code payload()} tree is not kept by the one-pass decoder
 * (it is an empty object then): read the event's fields from {@code event()}.
 */
public record ProjectedEvent(EventEnvelope envelope, CommunityEvent event, int partition, long offset) {

    public String aggregateId() {
        return envelope.aggregateId();
    }

    public long sequence() {
        return envelope.sequence();
    }

    public EventPosition position() {
        return new EventPosition(envelope.aggregateId(), envelope.sequence());
    }
}
