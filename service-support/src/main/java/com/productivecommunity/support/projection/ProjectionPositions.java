package com.productivecommunity.support.projection;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Read-your-writes: lets a request wait until every projection of this service has applied a given
 * aggregate's event. Waiters are completed by the consumers right after their transaction commits; the
 * database is read once per wait, for positions reached before the wait began, never polled.
 */
public class ProjectionPositions {

    private final ProjectionStore store;
    private final Set<String> projections = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    public ProjectionPositions(DataSource dataSource, Collection<String> projectionNames) {
        this.store = new ProjectionStore(dataSource);
        this.projections.addAll(projectionNames);
    }

    /** True once every projection applied {@code aggregateId}'s event {@code sequence}; false on timeout. */
    public boolean awaitApplied(String aggregateId, long sequence, Duration timeout) throws InterruptedException {
        return awaitApplied(List.of(new EventPosition(aggregateId, sequence)), timeout);
    }

    /** True once all {@code positions} are applied, within one overall {@code timeout}. */
    public boolean awaitApplied(List<EventPosition> positions, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (EventPosition position : positions) {
            if (!awaitOne(position, deadline)) {
                return false;
            }
        }
        return true;
    }

    private boolean awaitOne(EventPosition position, long deadline) throws InterruptedException {
        if (projections.isEmpty()) {
            return true;
        }
        Waiter waiter = new Waiter(position.sequence(), projections);
        Set<Waiter> forAggregate = waiters.computeIfAbsent(position.aggregateId(), id -> ConcurrentHashMap.newKeySet());
        forAggregate.add(waiter);
        try {
            // Registered first, read second: a commit in between is seen by one or the other.
            store.appliedBy(projections, position.aggregateId())
                    .forEach((projection, sequence) -> waiter.reached(projection, sequence));
            waiter.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            forAggregate.remove(waiter);
            waiters.computeIfPresent(position.aggregateId(), (id, set) -> set.isEmpty() ? null : set);
        }
    }

    /** Called by a consumer after its batch committed, with the highest sequence applied per aggregate. */
    void applied(String projection, Map<String, Long> highWaterMarks) {
        if (waiters.isEmpty()) {
            return;
        }
        highWaterMarks.forEach((aggregateId, sequence) -> {
            Set<Waiter> forAggregate = waiters.get(aggregateId);
            if (forAggregate != null) {
                forAggregate.forEach(waiter -> waiter.reached(projection, sequence));
            }
        });
    }

    void register(String projection) {
        projections.add(projection);
    }

    void unregister(String projection) {
        projections.remove(projection);
        waiters.values().forEach(set -> set.forEach(waiter -> waiter.forget(projection)));
    }

    private static final class Waiter {
        private final long sequence;
        private final Set<String> pending;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Waiter(long sequence, Collection<String> projections) {
            this.sequence = sequence;
            this.pending = ConcurrentHashMap.newKeySet();
            this.pending.addAll(projections);
        }

        void forget(String projection) {
            if (pending.remove(projection) && pending.isEmpty()) {
                done.complete(null);
            }
        }

        void reached(String projection, long applied) {
            if (applied >= sequence && pending.remove(projection) && pending.isEmpty()) {
                done.complete(null);
            }
        }
    }
}
