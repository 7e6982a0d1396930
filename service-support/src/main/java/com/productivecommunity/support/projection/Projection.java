package com.productivecommunity.support.projection;

import java.util.Collection;
import java.util.List;

/**
 * A read model built from the domain events. Declare one as a bean, or register one at run time with
 * {@link ProjectionAdmin#register}, and the machinery consumes the topic for it (Kafka group id =
 * {@link #name()}), calling {@link #apply} inside one database transaction per batch together with the
 * stored offsets, so every event takes effect exactly once.
 */
public interface Projection {

    /** Stable name: Kafka group id and key of the stored offsets, positions and parked events. */
    String name();

    /**
     * Applies a batch of events: each aggregate's events in sequence order, without redeliveries, and never
     * an event whose aggregate (or an aggregate it refers to, see {@link #dependsOn}) has an earlier event
     * parked. Runs inside the batch's transaction: write through the service's DataSource (JdbcTemplate
     * etc.). Throwing rolls back to before this call; the machinery then finds the event that fails, retries
     * it a few times and parks it, and applies the others. So {@code apply} may be called again with a
     * subset of the same events, and must keep no state outside the transaction.
     */
    void apply(List<ProjectedEvent> events);

    /** Wipes the projection's tables, before a rebuild replays the topic from its first offset. */
    void reset();

    /** Called after the transaction that applied {@code events} committed; failures here are only logged. */
    default void afterCommit(List<ProjectedEvent> events) {
    }

    /**
     * The aggregates, other than the event's own, that must be applied before it: while one of them has a
     * parked event, this event is parked behind it. The default names what the platform's events refer to
     * (an answer's question, an accepted answer, an outcome's contributions).
     */
    default Collection<String> dependsOn(ProjectedEvent event) {
        return EventDependencies.of(event.event());
    }

    /** Whether {@code X-Await-Position} waits for this projection (false for, say, a replay beside the live one). */
    default boolean readYourWrites() {
        return true;
    }
}
