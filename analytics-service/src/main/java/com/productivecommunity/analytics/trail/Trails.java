package com.productivecommunity.analytics.trail;

import com.productivecommunity.analytics.model.ValueModel;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Computes a community's trail under one model: its ledger entries of events at or before {@code asOf} in the
 * order they were applied (the same entries the summary read sums for that asOf), the figures recomputed after
 * every event. The whole ledger up to the end is always read (the figures before an event depend on every earlier
 * one); {@code from}, {@code figure} and {@code after} only choose which changes are handed on.
 */
@Component
public class Trails {

    /** What to follow: {@code figure} null for every figure, {@code from} null for the beginning. */
    public record Query(ValueModel model, UUID communityId, Instant asOf, Instant from, String figure, long after) {
    }

    private final TrailRepository ledger;

    Trails(TrailRepository ledger) {
        this.ledger = ledger;
    }

    /**
     * Hands every matching trail event, oldest first, to {@code each} until it answers false, reading entries up to
     * the ledger id {@code upToId}. Returns the builder, whose figures are those after the last entry read.
     */
    public TrailBuilder stream(Query query, long upToId, Predicate<TrailEvent> each) {
        boolean[] stopped = {false};
        TrailBuilder builder = new TrailBuilder(query.model().productiveShareThreshold(), event -> {
            if (stopped[0] || Long.parseLong(event.cursor()) <= query.after()
                    || (query.from() != null && event.occurredAt().isBefore(query.from()))
                    || (query.figure() != null && !event.changed(query.figure()))) {
                return;
            }
            stopped[0] = !each.test(event);
        });
        ledger.rows(query.model().name(), query.communityId(), query.asOf(), upToId, row -> {
            builder.accept(row);
            return !stopped[0];
        });
        if (!stopped[0]) {
            builder.finish();
        }
        return builder;
    }
}
