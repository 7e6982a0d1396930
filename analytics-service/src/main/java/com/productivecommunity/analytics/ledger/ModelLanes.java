package com.productivecommunity.analytics.ledger;

import com.productivecommunity.analytics.engine.ValueEngine;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.Projection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lane: one model version applied by a projection of its own (its own Kafka group, offsets and rule state),
 * replayed from the topic's first event beside the default lane and then following new events. The same engine
 * and store as the default lane, with another model list and another lane key: no rule code per version.
 */
public final class ModelLanes {

    private ModelLanes() {
    }

    /** The projection name, and the lane key of the rule state, of a version created through the API. */
    public static String laneOf(String version) {
        return AnalyticsProjection.NAME + "-model-" + version;
    }

    public static Projection projection(JdbcTemplate jdbc, ValueModel model) {
        return new LaneProjection(new LedgerStore(jdbc, new ValueEngine(List.of(model)), laneOf(model.name()), false));
    }

    /** Deletes a lane's rule state, figures and ledger (a retired version), inside the caller's transaction. */
    public static void wipe(JdbcTemplate jdbc, ValueModel model) {
        new LedgerStore(jdbc, new ValueEngine(List.of(model)), laneOf(model.name()), false).reset();
    }

    private static final class LaneProjection implements Projection {
        private final LedgerStore store;

        LaneProjection(LedgerStore store) {
            this.store = store;
        }

        @Override
        public String name() {
            return store.lane();
        }

        @Override
        public void apply(List<ProjectedEvent> events) {
            store.apply(events.stream().map(ProjectedEvent::event).toList());
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
