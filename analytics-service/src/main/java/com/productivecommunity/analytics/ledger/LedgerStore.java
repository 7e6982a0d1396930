package com.productivecommunity.analytics.ledger;

import com.productivecommunity.analytics.engine.LedgerEntry;
import com.productivecommunity.analytics.engine.MemoryRuleState;
import com.productivecommunity.analytics.engine.Tally;
import com.productivecommunity.analytics.engine.ValueEngine;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.events.CommunityEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies a batch of events to the database inside the caller's transaction. A batch is judged in memory:
 * the rule state ({@link RuleStateStore}) and figures ({@link FiguresStore}) it can touch are loaded with a few
 * queries, the engine and the tally run as plain objects, and what changed is saved back with JDBC batch
 * statements — so a replay of millions of events costs a handful of round trips per batch, not per event. The
 * default lane also keeps the communities and memberships the reads' access rules need ({@link MembershipStore}).
 */
public class LedgerStore {

    /** The lane of the models the service is configured with; it also keeps the communities and memberships. */
    public static final String DEFAULT_LANE = "analytics";

    private final ValueEngine engine;
    private final List<String> models;
    private final String lane;
    /** The instant after which an event counts no more, per model that has one (a what-if up to a point). */
    private final Map<String, Instant> untils;
    private final RuleStateStore ruleStates;
    private final FiguresStore figures;
    /** Null unless this is the lane that keeps the communities. */
    private final MembershipStore memberships;

    public LedgerStore(JdbcTemplate jdbc, ValueEngine engine) {
        this(jdbc, engine, DEFAULT_LANE, true);
    }

    /**
     * A store for one lane: its own rule state (rows of {@code lane}), the figures and ledger of its models.
     * Only the default lane keeps {@code community} and {@code community_member} (the reads' access rules).
     */
    public LedgerStore(JdbcTemplate jdbc, ValueEngine engine, String lane, boolean keepsCommunities) {
        this(jdbc, engine, lane, keepsCommunities, Map.of());
    }

    /**
     * A lane's store whose models may stop at an instant ({@code untils}: model name → the last instant of
     * occurrence it counts; models not named count every event). An event after a model's until gives that model
     * no ledger entry and does not touch its figures or timeline; the rule state follows every event whatever
     * the untils, so each model's figures are what they would be in a lane of its own.
     */
    public LedgerStore(JdbcTemplate jdbc, ValueEngine engine, String lane, boolean keepsCommunities,
                       Map<String, Instant> untils) {
        Sql sql = new Sql(jdbc);
        this.engine = engine;
        this.models = engine.models().stream().map(ValueModel::name).toList();
        this.lane = lane;
        this.untils = Map.copyOf(untils);
        if (!models.containsAll(this.untils.keySet())) {
            throw new IllegalArgumentException("untils name models the lane does not apply: " + untils.keySet());
        }
        this.ruleStates = new RuleStateStore(sql, lane);
        this.figures = new FiguresStore(sql, models);
        this.memberships = keepsCommunities ? new MembershipStore(sql) : null;
    }

    public String lane() {
        return lane;
    }

    public List<String> models() {
        return models;
    }

    /** Applies the events in order; an event applied before (here or in an earlier batch) takes no effect. */
    public void apply(List<CommunityEvent> batch) {
        List<CommunityEvent> events = ruleStates.notYetApplied(batch);
        if (events.isEmpty()) {
            return;
        }
        MemoryRuleState state = ruleStates.load(events);
        List<List<LedgerEntry>> entries = new ArrayList<>(events.size());
        List<List<String>> counting = new ArrayList<>(events.size());
        for (CommunityEvent event : events) {
            // judged once against the lane's rule state (every event, whatever the untils), weighed per model
            List<LedgerEntry> all = engine.apply(event, state);
            List<String> countingModels = ModelLanes.countingFor(models, untils, event.occurredAt());
            counting.add(countingModels);
            entries.add(countingModels.size() == models.size() ? all
                    : all.stream().filter(entry -> countingModels.contains(entry.model())).toList());
        }
        Tally tally = figures.load(events, entries);
        for (int i = 0; i < events.size(); i++) {
            CommunityEvent event = events.get(i);
            tally.record(event.communityId(), event.occurredAt(), entries.get(i), counting.get(i));
        }
        ruleStates.save(events, state.added());
        if (memberships != null) {
            memberships.save(events);
        }
        figures.save(entries, tally);
    }

    /**
     * Empties this lane's rule state and its models' figures and ledger (and, for the default lane, the
     * communities), before a rebuild or a replay reads the topic from its start. Other lanes keep theirs.
     */
    public void reset() {
        ruleStates.reset();
        figures.reset();
        if (memberships != null) {
            memberships.reset();
        }
    }
}
