package com.productivecommunity.support.projection;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventEnvelope;

/** One event as a projection receives it: the Kafka envelope, its decoded payload and where it was read. */
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
