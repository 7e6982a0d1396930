package com.productivecommunity.analytics.ledger;

import com.productivecommunity.analytics.engine.ValueEngine;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lane: one projection of its own (its own Kafka group, offsets and rule state) applying one or more created
 * model versions in one pass over the topic, replayed from the topic's first event beside the default lane and then
 * following new events. The same engine and store as the default lane, with another model list and another lane
 * key: no rule code per version. Each model of a lane may stop at an instant ({@code until}): events that occurred
 * after it give that model no ledger entry and leave its figures alone, while the lane's rule state follows the
 * whole history (it depends on the events only, never on weights), so a model's figures are the same whichever
 * models share its lane, and the same as those of a version with its weights and no {@code until} as of
 * {@code until}.
 */
public final class ModelLanes {

    private ModelLanes() {
    }

    /** A model applied by a lane and the last instant of occurrence it counts ({@code until}; null: every event). */
    public record LaneModel(ValueModel model, Instant until) {
    }

    /** The projection name, and the lane key of the rule state, of a lane first created for {@code version}. */
    public static String laneOf(String version) {
        return AnalyticsProjection.NAME + "-model-" + version;
    }

    /** The lane of one version alone; {@code until} null: every event, else those that occurred at or before it. */
    public static Projection projection(JdbcTemplate jdbc, ValueModel model, Instant until) {
        return projection(jdbc, laneOf(model.name()), List.of(new LaneModel(model, until)));
    }

    /** One projection named {@code lane} applying every model of {@code models} in one pass, each with its until. */
    public static Projection projection(JdbcTemplate jdbc, String lane, List<LaneModel> models) {
        return new LaneProjection(store(jdbc, lane, models));
    }

    /** The store of a lane (its rule state, its models' figures and ledger); no communities kept. */
    public static LedgerStore store(JdbcTemplate jdbc, String lane, List<LaneModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("A lane applies at least one model: " + lane);
        }
        Map<String, Instant> untils = new LinkedHashMap<>();
        List<ValueModel> list = new ArrayList<>();
        for (LaneModel m : models) {
            list.add(m.model());
            if (m.until() != null) {
                untils.put(m.model().name(), m.until());
            }
        }
        return new LedgerStore(jdbc, new ValueEngine(list), lane, false, untils);
    }

    /** Whether an event that occurred at {@code occurredAt} counts for a model stopping at {@code until} (inclusive). */
    public static boolean counts(Instant until, Instant occurredAt) {
        return until == null || !occurredAt.isAfter(until);
    }

    /**
     * The models of {@code models} an event that occurred at {@code occurredAt} counts for, in their order:
     * those without an until and those whose until is at or after it (the same bound as the reads' {@code asOf}).
     */
    static List<String> countingFor(List<String> models, Map<String, Instant> untils, Instant occurredAt) {
        if (untils.isEmpty()) {
            return models;
        }
        List<String> counting = new ArrayList<>(models.size());
        for (String model : models) {
            if (counts(untils.get(model), occurredAt)) {
                counting.add(model);
            }
        }
        return counting;
    }

    /**
     * Deletes a lane's rule state and the figures and ledger of {@code models} (the lane's last version retired, or
     * a lane restarted for a version joining it), inside the caller's transaction.
     */
    public static void wipe(JdbcTemplate jdbc, String lane, List<ValueModel> models) {
        Sql sql = new Sql(jdbc);
        new RuleStateStore(sql, lane).reset();
        new FiguresStore(sql, models.stream().map(ValueModel::name).toList()).reset();
    }

    /**
     * Deletes one model's figures and ledger only, inside the caller's transaction: a version retired from a lane
     * that goes on for its other versions keeps the lane's rule state (theirs too).
     */
    public static void wipeFigures(JdbcTemplate jdbc, ValueModel model) {
        new FiguresStore(new Sql(jdbc), List.of(model.name())).reset();
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
