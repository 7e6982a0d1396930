package com.productivecommunity.analytics.ledger;

import com.productivecommunity.analytics.engine.ValueEngine;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.Projection;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lane: one model version applied by a projection of its own (its own Kafka group, offsets and rule state),
 * replayed from the topic's first event beside the default lane and then following new events. The same engine
 * and store as the default lane, with another model list and another lane key: no rule code per version.
 * A lane may stop at an instant ({@code until}): it then applies only the events that occurred at or before it
 * and reads the later ones without applying them (its offsets move on, so it catches up and stays caught up).
 */
public final class ModelLanes {

    private ModelLanes() {
    }

    /** The projection name, and the lane key of the rule state, of a version created through the API. */
    public static String laneOf(String version) {
        return AnalyticsProjection.NAME + "-model-" + version;
    }

    /** The lane of a version; {@code until} null: every event, else those that occurred at or before it. */
    public static Projection projection(JdbcTemplate jdbc, ValueModel model, Instant until) {
        return new LaneProjection(new LedgerStore(jdbc, new ValueEngine(List.of(model)), laneOf(model.name()), false),
                until);
    }

    /**
     * The events a lane stopping at {@code until} applies, in their order: those whose {@code occurredAt} is at or
     * before it (the same bound as the reads' {@code asOf}, so the lane's figures are another version's as of
     * {@code until}); all of them when {@code until} is null.
     */
    static List<CommunityEvent> upTo(List<CommunityEvent> events, Instant until) {
        if (until == null) {
            return events;
        }
        return events.stream().filter(event -> !event.occurredAt().isAfter(until)).toList();
    }

    /** Deletes a lane's rule state, figures and ledger (a retired version), inside the caller's transaction. */
    public static void wipe(JdbcTemplate jdbc, ValueModel model) {
        new LedgerStore(jdbc, new ValueEngine(List.of(model)), laneOf(model.name()), false).reset();
    }

    private static final class LaneProjection implements Projection {
        private final LedgerStore store;
        private final Instant until;

        LaneProjection(LedgerStore store, Instant until) {
            this.store = store;
            this.until = until;
        }

        @Override
        public String name() {
            return store.lane();
        }

        @Override
        public void apply(List<ProjectedEvent> events) {
            store.apply(upTo(events.stream().map(ProjectedEvent::event).toList(), until));
        }

        @Override
        public void reset() {
            store.reset();
        }

        /** A replay beside the default must not make X-Await-Position wait for it. */
        @Override
        public boolean readYourWrites() {
            return false;
        }
    }
}
