package com.productivecommunity.support.projection;

import java.util.List;

/**
 * A read model built from the domain events. Declare one as a bean and the machinery runs a Kafka
 * consumer for it (group id = {@link #name()}), calling {@link #apply} inside one database transaction
 * per batch together with the stored offsets, so every event takes effect exactly once.
 */
public interface Projection {

    /** Stable name: Kafka group id and key of the stored offsets and positions. */
    String name();

    /**
     * Applies a batch of events, in partition order, already without redeliveries. Runs inside the
     * batch's transaction: write through the service's DataSource (JdbcTemplate etc.) and throw to roll
     * the whole batch back (it is retried).
     */
    void apply(List<ProjectedEvent> events);

    /** Wipes the projection's tables, before a rebuild replays the topic from its first offset. */
    void reset();

    /** Called on the consumer thread after the batch's transaction committed; failures here are only logged. */
    default void afterCommit(List<ProjectedEvent> events) {
    }
}
