package com.productivecommunity.command.testing;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the event store holds, for tests that check a rejected command stored nothing. The one place that
 * knows the store's table (Axon's {@code domain_event_entry} today).
 */
public final class StoredEvents {

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    public StoredEvents(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    public long count() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** The payloads of one aggregate's events, in order (from the first: a snapshot stands for none of them). */
    public List<Object> of(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    /** The payload of the aggregate's last event, which must be of {@code type}. */
    public <T> T last(String aggregateId, Class<T> type) {
        List<Object> events = of(aggregateId);
        return type.cast(events.get(events.size() - 1));
    }
}
