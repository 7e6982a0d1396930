package com.productivecommunity.support.projection;

import com.productivecommunity.support.projection.PartitionState.AggregateSequence;
import com.productivecommunity.support.projection.PartitionState.Hold;
import com.productivecommunity.support.projection.ProjectionStore.ParkedRow;
import com.productivecommunity.support.projection.RecordDecoder.Decoded;
import com.productivecommunity.support.projection.RecordDecoder.Known;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides, applies and stores one batch of a projection, in one transaction: which records apply, which
 * are redeliveries, which are parked (and what they hold), which parked records are released, and then the
 * projection's rows, the parked records, the high-water marks and the offsets together.
 *
 * <p>When {@code apply} throws, the batch is rolled back and done again in a transaction that finds the
 * failing events with savepoints: it applies the remaining events in halving chunks, so healthy events still
 * go in large chunks and only a failing one ends up alone; that one is retried a few times with back-off and
 * then parked, and the plan is recomputed, so that everything behind it is parked too. Transient faults
 * (see {@link TransientFaults}) are never the event's fault: they end the attempt, for the caller to retry.
 */
final class ProjectionEngine {

    private static final int STACK_LIMIT = 16_000;
    private static final int PARALLEL_DECODE_FROM = 200;

    private final Projection projection;
    private final String topic;
    private final ProjectionStore store;
    private final TransactionTemplate transactions;
    private final ProjectionProperties properties;
    private final RecordDecoder decoder;

    ProjectionEngine(Projection projection, String topic, ProjectionStore store, TransactionTemplate transactions,
                     ProjectionProperties properties) {
        this.decoder = new RecordDecoder(properties.getDecoder() == ProjectionProperties.Decoder.ONE_PASS);
        this.projection = projection;
        this.topic = topic;
        this.store = store;
        this.transactions = transactions;
        this.properties = properties;
    }

    String name() {
        return projection.name();
    }

    Projection projection() {
        return projection;
    }

    ProjectionStore store() {
        return store;
    }

    String topic() {
        return topic;
    }

    /** A record to handle: read from the topic, or an open parked record examined again. */
    static final class Input {
        final int partition;
        final long offset;
        final String key;
        final byte[] value;
        final ParkedRow parked;
        private Decoded decoded;

        Input(int partition, long offset, String key, byte[] value, ParkedRow parked) {
            this.partition = partition;
            this.offset = offset;
            this.key = key;
            this.value = value;
            this.parked = parked;
        }

        static Input of(ParkedRow row) {
            return new Input(row.partition(), row.offset(), row.recordKey(), row.value(), row);
        }
    }

    /** APPLY; SKIP a redelivery; PARK; OPERATOR_SKIP given up by an operator; CONFLICT an operator's skip not possible yet. */
    enum Kind { APPLY, SKIP, PARK, OPERATOR_SKIP, CONFLICT }

    /** What was decided for one input. */
    static final class Outcome {
        final Input input;
        final Kind kind;
        ProjectedEvent event;
        ParkReason reason;
        String holdKey;
        String waitingFor;
        Long missing;
        String errorMessage;
        String errorStack;
        boolean attempted;

        Outcome(Input input, Kind kind) {
            this.input = input;
            this.kind = kind;
        }
    }

    /** Why an event failed to apply. */
    record Failure(String message, String stack) {
    }

    /** What an operator asked for on a partition's parked records. */
    record Operator(Set<Long> retry, Long skip) {
        static final Operator NONE = new Operator(Set.of(), null);
    }

    /** One batch's work on one partition: new records (in offset order), or an operator's action. */
    final class Work {
        final PartitionState base;
        final List<Input> inputs;
        final Operator operator;
        private List<Input> loadedParked;
        private final Map<String, Long> prefetched = new HashMap<>();

        private Map<String, Long> positions;
        private Map<String, Hold> held;
        private Set<AggregateSequence> parkedEvents;
        private Map<Input, Outcome> finals;
        private List<Outcome> applies;

        Work(PartitionState base, List<Input> inputs, Operator operator) {
            this.base = base;
            this.inputs = inputs;
            this.operator = operator;
        }

        int partition() {
            return base.partition;
        }

        List<Outcome> applies() {
            return applies;
        }

        Collection<Outcome> outcomes() {
            return finals.values();
        }

        Map<String, Long> positions() {
            return positions;
        }

        Map<String, Long> prefetched() {
            return prefetched;
        }

        Map<String, Hold> held() {
            return held;
        }

        Set<AggregateSequence> parkedEvents() {
            return parkedEvents;
        }

        Outcome outcome(Input input) {
            return finals.get(input);
        }

        private void reset() {
            positions = new HashMap<>();
            held = new HashMap<>(base.held);
            parkedEvents = new HashSet<>(base.parkedEvents);
            finals = new IdentityHashMap<>();
            applies = new ArrayList<>();
        }

        private List<Input> parkedInputs() {
            if (loadedParked == null) {
                List<ParkedRow> rows = store.openParked(name(), topic, base.partition, true);
                loadedParked = new ArrayList<>(rows.size());
                Set<String> unknown = new HashSet<>();
                for (ParkedRow row : rows) {
                    loadedParked.add(Input.of(row));
                    if (row.aggregateId() != null && !knows(row.aggregateId())) {
                        unknown.add(row.aggregateId());
                    }
                }
                prefetch(unknown);
            }
            return loadedParked;
        }

        private boolean knows(String aggregateId) {
            return base.complete || base.positions.containsKey(aggregateId) || prefetched.containsKey(aggregateId);
        }

        private void prefetch(Set<String> aggregateIds) {
            if (aggregateIds.isEmpty()) {
                return;
            }
            Map<String, Long> found = store.positions(name(), aggregateIds);
            aggregateIds.forEach(id -> prefetched.put(id, found.getOrDefault(id, -1L)));
        }

        long last(String aggregateId) {
            Long changed = positions.get(aggregateId);
            if (changed != null) {
                return changed;
            }
            Long cached = base.positions.get(aggregateId);
            if (cached != null) {
                return cached;
            }
            Long fetched = prefetched.get(aggregateId);
            if (fetched != null) {
                return fetched;
            }
            if (base.complete) {
                return -1;
            }
            prefetch(Set.of(aggregateId));
            return prefetched.get(aggregateId);
        }
    }

    Work work(PartitionState base, List<Input> inputs) {
        return new Work(base, inputs, Operator.NONE);
    }

    Work operatorWork(PartitionState base, Operator operator) {
        return new Work(base, List.of(), operator);
    }

    Decoded decoded(Input input) {
        if (input.decoded == null) {
            input.decoded = decoder.decode(input.partition, input.offset, input.value);
        }
        return input.decoded;
    }

    /**
     * Decodes the records before the transaction begins (no connection is held while JSON is parsed), in
     * parallel for a large batch: decoding is most of a replay's CPU.
     */
    void decodeAll(List<Work> works) {
        List<Input> all = new ArrayList<>();
        works.forEach(work -> all.addAll(work.inputs));
        if (all.size() >= PARALLEL_DECODE_FROM) {
            all.parallelStream().forEach(this::decoded);
        } else {
            all.forEach(this::decoded);
        }
    }

    /** Reads, once per batch, the positions of the aggregates of the records that the cache does not know. */
    void prefetch(Work work) {
        Set<String> unknown = new HashSet<>();
        for (Input input : work.inputs) {
            String aggregateId = decoded(input).known().aggregateId();
            if (aggregateId != null && !work.knows(aggregateId)) {
                unknown.add(aggregateId);
            }
        }
        work.prefetch(unknown);
        if (work.operator != Operator.NONE) {
            work.parkedInputs();
        }
    }

    // ---------------------------------------------------------------- planning

    void plan(Work work, Map<Input, Failure> poison) {
        work.reset();
        if (work.operator != Operator.NONE) {
            release(work, poison);
        }
        for (Input input : work.inputs) {
            Outcome outcome = classify(work, input, poison, false);
            if (outcome.kind == Kind.APPLY && outcome.attempted) {
                release(work, poison);
            }
        }
    }

    /**
     * Decides one input. An APPLY outcome has {@code attempted} set when its aggregate was held by a later
     * parked record, so that the caller releases what may now follow.
     */
    private Outcome classify(Work work, Input input, Map<Input, Failure> poison, boolean operatorSkip) {
        Decoded decoded = decoded(input);
        Known known = decoded.known();
        String aggregateId = known.aggregateId();
        Long sequence = known.sequence();
        if (!decoded.ok()) {
            if (aggregateId != null && sequence != null) {
                if (sequence <= work.last(aggregateId)
                        || (input.parked == null && work.parkedEvents.contains(new AggregateSequence(aggregateId, sequence)))) {
                    return record(work, new Outcome(input, Kind.SKIP));
                }
                if (operatorSkip) {
                    return operatorSkip(work, input, aggregateId, sequence);
                }
                return park(work, input, decoded.failure(), aggregateId, null, null, decoded.error(),
                        stack(decoded.cause()), sequence);
            }
            if (operatorSkip) {
                return record(work, new Outcome(input, Kind.OPERATOR_SKIP));
            }
            // Nothing tells the record's aggregate: it is filed under its key (the community id, which is the
            // Community aggregate's id), and the events of that aggregate wait behind it.
            return park(work, input, decoded.failure(), input.key, null, null, decoded.error(),
                    stack(decoded.cause()), 0L);
        }
        ProjectedEvent event = decoded.event();
        long last = work.last(aggregateId);
        if (sequence <= last) {
            return record(work, new Outcome(input, Kind.SKIP)); // a redelivery: applied before
        }
        if (input.parked == null && work.parkedEvents.contains(new AggregateSequence(aggregateId, sequence))) {
            return record(work, new Outcome(input, Kind.SKIP)); // a redelivery of a record parked before
        }
        Hold hold = work.held.get(aggregateId);
        if (hold != null && sequence >= hold.from()) {
            if (operatorSkip) {
                return conflict(work, input, "an earlier event of " + aggregateId + " is parked; resolve it first");
            }
            return park(work, input, ParkReason.BEHIND, aggregateId, aggregateId, null, null, null, sequence);
        }
        for (String dependency : projection.dependsOn(event)) {
            if (!dependency.equals(aggregateId) && work.held.containsKey(dependency)) {
                if (operatorSkip) {
                    return conflict(work, input, "it refers to " + dependency + ", which has a parked event");
                }
                return park(work, input, ParkReason.BEHIND, aggregateId, dependency, null, null, null, sequence);
            }
        }
        if (operatorSkip && input.parked.reason() == ParkReason.GAP) {
            // Skipping a gap gives up the missing sequences: the record itself then applies.
            if (last < sequence - 1) {
                work.positions.put(aggregateId, sequence - 1);
                last = sequence - 1;
            }
        } else if (operatorSkip) {
            return operatorSkip(work, input, aggregateId, sequence);
        }
        if (sequence > last + 1) {
            return park(work, input, ParkReason.GAP, aggregateId, aggregateId + ":" + (last + 1), last + 1, null, null,
                    sequence);
        }
        Failure failure = poison.get(input);
        if (failure != null) {
            Outcome parked = park(work, input, ParkReason.FAILED, aggregateId, null, null, failure.message(),
                    failure.stack(), sequence);
            parked.attempted = true;
            return parked;
        }
        Outcome apply = new Outcome(input, Kind.APPLY);
        apply.event = event;
        apply.attempted = hold != null;
        work.positions.put(aggregateId, sequence);
        work.applies.add(apply);
        return record(work, apply);
    }

    private Outcome operatorSkip(Work work, Input input, String aggregateId, long sequence) {
        Hold hold = work.held.get(aggregateId);
        if (hold != null && sequence >= hold.from()) {
            return conflict(work, input, "an earlier event of " + aggregateId + " is parked; resolve it first");
        }
        work.positions.put(aggregateId, sequence);
        Outcome skipped = new Outcome(input, Kind.OPERATOR_SKIP);
        skipped.attempted = hold != null;
        return record(work, skipped);
    }

    private Outcome conflict(Work work, Input input, String why) {
        Outcome conflict = new Outcome(input, Kind.CONFLICT);
        conflict.errorMessage = why;
        keep(work, input);
        return record(work, conflict);
    }

    private Outcome park(Work work, Input input, ParkReason reason, String holdKey, String waitingFor, Long missing,
                         String message, String stack, long holdFrom) {
        Outcome parked = new Outcome(input, Kind.PARK);
        parked.reason = reason;
        parked.holdKey = holdKey;
        parked.waitingFor = waitingFor;
        parked.missing = missing;
        parked.errorMessage = message;
        parked.errorStack = stack;
        if (holdKey != null) {
            work.held.merge(holdKey, new Hold(holdFrom, missing == null ? -1 : missing),
                    (a, b) -> a.from() <= b.from() ? a : b);
        }
        Known known = decoded(input).known();
        if (known.aggregateId() != null && known.sequence() != null) {
            work.parkedEvents.add(new AggregateSequence(known.aggregateId(), known.sequence()));
        }
        return record(work, parked);
    }

    /** An open parked record that stays as it is (a failure nobody asked to retry): it holds as before. */
    private void keep(Work work, Input input) {
        ParkedRow row = input.parked;
        Outcome previous = work.finals.get(input);
        String holdKey = previous != null && previous.kind == Kind.PARK ? previous.holdKey : row == null ? null : row.holdKey();
        Known known = decoded(input).known();
        if (holdKey != null) {
            long from = known.sequence() == null || !holdKey.equals(known.aggregateId()) ? 0 : known.sequence();
            work.held.merge(holdKey, new Hold(from, -1), (a, b) -> a.from() <= b.from() ? a : b);
        }
        if (known.aggregateId() != null && known.sequence() != null) {
            work.parkedEvents.add(new AggregateSequence(known.aggregateId(), known.sequence()));
        }
    }

    private static Outcome record(Work work, Outcome outcome) {
        work.finals.put(outcome.input, outcome);
        return outcome;
    }

    /**
     * Examines the partition's open parked records again, in offset order, with the holds rebuilt from them:
     * a failure nobody asked to retry keeps holding; every other record applies if it now can. Repeated while
     * something applied, since an applied record may release one that came before it.
     */
    private void release(Work work, Map<Input, Failure> poison) {
        boolean progress = true;
        while (progress) {
            progress = false;
            work.held = new HashMap<>();
            work.parkedEvents = new HashSet<>();
            for (Input input : openParked(work)) {
                Outcome current = work.finals.get(input);
                ParkReason reason = current != null && current.kind == Kind.PARK ? current.reason
                        : input.parked != null ? input.parked.reason() : null;
                boolean operatorSkip = input.parked != null && input.parked.id() == nullToMinus(work.operator.skip());
                boolean retry = input.parked != null && work.operator.retry().contains(input.parked.id());
                boolean waits = reason == ParkReason.GAP || reason == ParkReason.BEHIND;
                if (!waits && !retry && !operatorSkip) {
                    keep(work, input);
                    continue;
                }
                Outcome outcome = classify(work, input, poison, operatorSkip);
                if (retry && outcome.kind == Kind.PARK) {
                    outcome.attempted = true;
                }
                if (outcome.kind == Kind.APPLY || outcome.kind == Kind.OPERATOR_SKIP || outcome.kind == Kind.SKIP) {
                    progress = true;
                }
            }
        }
    }

    private static long nullToMinus(Long value) {
        return value == null ? Long.MIN_VALUE : value;
    }

    /** Parked records not resolved in this plan: the loaded ones and this batch's own, in offset order. */
    private List<Input> openParked(Work work) {
        List<Input> open = new ArrayList<>();
        boolean loadedNeeded = !work.base.held.isEmpty() || work.operator != Operator.NONE;
        if (loadedNeeded) {
            for (Input input : work.parkedInputs()) {
                Outcome outcome = work.finals.get(input);
                if (outcome == null || outcome.kind == Kind.PARK || outcome.kind == Kind.CONFLICT) {
                    open.add(input);
                }
            }
        }
        for (Input input : work.inputs) {
            Outcome outcome = work.finals.get(input);
            if (outcome != null && outcome.kind == Kind.PARK) {
                open.add(input);
            }
        }
        open.sort(Comparator.comparingLong(input -> input.offset));
        return open;
    }

    // ---------------------------------------------------------------- applying

    /** The result of a committed batch. */
    /**
     * A committed batch: the events applied (in order), the records parked anew, how many parked records were
     * resolved, how many new records were redeliveries, and the partitions' new offset versions.
     */
    record Result(List<Work> works, List<ProjectedEvent> applied, List<Outcome> newlyParked, int resolved,
                  int redelivered, Map<Integer, Long> versions) {
    }

    /**
     * Plans, applies and stores the works in one transaction ({@code begin} runs first in it); on an event's
     * failure, again in a transaction that isolates the failing events. {@code abandon} says the consumer is stopping: a failed batch is then
     * rolled back and left for the next consumer instead of being searched.
     */
    Result process(List<Work> works, Runnable begin, Writer writer, BooleanSupplier abandon) {
        decodeAll(works);
        try {
            return transactions.execute(status -> {
                begin.run();
                works.forEach(this::prefetch);
                works.forEach(work -> plan(work, Map.of()));
                List<Outcome> applies = allApplies(works);
                if (!applies.isEmpty()) {
                    projection.apply(events(applies, 0, applies.size()));
                }
                return finish(works, writer);
            });
        } catch (RuntimeException e) {
            if (TransientFaults.isTransient(e) || e instanceof ConcurrentProjectionUpdateException) {
                throw e;
            }
            if (abandon.getAsBoolean()) {
                throw new BatchAbandonedException(e);
            }
        }
        return transactions.execute(status -> {
            begin.run();
            works.forEach(this::prefetch);
            Map<Input, Failure> poison = new IdentityHashMap<>();
            int applied = 0;
            while (true) {
                works.forEach(work -> plan(work, poison));
                List<Outcome> applies = allApplies(works);
                int failed = applyIsolating(applies, applied, status, poison, abandon);
                if (failed < 0) {
                    break;
                }
                applied = failed;
            }
            return finish(works, writer);
        });
    }

    private static List<Outcome> allApplies(List<Work> works) {
        List<Outcome> all = new ArrayList<>();
        works.forEach(work -> all.addAll(work.applies));
        return all;
    }

    private static List<ProjectedEvent> events(List<Outcome> applies, int from, int to) {
        List<ProjectedEvent> events = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            events.add(applies.get(i).event);
        }
        return events;
    }

    /**
     * Applies {@code applies[from..]} in chunks under savepoints, halving a chunk that fails; an event that
     * fails alone is retried with back-off and, failing still, recorded in {@code poison}. Returns its index,
     * or -1 when everything applied.
     */
    private int applyIsolating(List<Outcome> applies, int from, TransactionStatus status, Map<Input, Failure> poison,
                               BooleanSupplier abandon) {
        int index = from;
        int chunk = Math.max(1, applies.size() - from);
        while (index < applies.size()) {
            int size = Math.min(chunk, applies.size() - index);
            RuntimeException failure = attempt(applies, index, size, status);
            if (failure == null) {
                index += size;
                chunk = Math.max(chunk, size * 2);
                continue;
            }
            if (abandon.getAsBoolean()) {
                throw new BatchAbandonedException(failure);
            }
            if (size > 1) {
                chunk = (size + 1) / 2;
                continue;
            }
            long pause = properties.getPoisonBackoff().toMillis();
            for (int attempt = 2; attempt <= properties.getPoisonAttempts() && failure != null; attempt++) {
                sleep(pause);
                pause *= 2;
                failure = attempt(applies, index, 1, status);
            }
            if (failure == null) {
                index++;
                chunk = 1;
                continue;
            }
            poison.put(applies.get(index).input, new Failure(describe(failure), stack(failure)));
            return index;
        }
        return -1;
    }

    private RuntimeException attempt(List<Outcome> applies, int from, int size, TransactionStatus status) {
        Object savepoint = status.createSavepoint();
        try {
            projection.apply(events(applies, from, from + size));
            status.releaseSavepoint(savepoint);
            return null;
        } catch (RuntimeException e) {
            if (TransientFaults.isTransient(e)) {
                throw e;
            }
            status.rollbackToSavepoint(savepoint);
            return e;
        }
    }

    /** Stores the plan's parked records, their changes and the positions, then lets the caller store offsets. */
    private Result finish(List<Work> works, Writer writer) {
        List<ProjectedEvent> applied = new ArrayList<>();
        List<Outcome> newlyParked = new ArrayList<>();
        Map<String, Long> positions = new LinkedHashMap<>();
        int resolved = 0;
        int redelivered = 0;
        for (Work work : works) {
            List<ProjectionStore.NewParked> inserts = new ArrayList<>();
            List<ProjectionStore.ParkedUpdate> updates = new ArrayList<>();
            for (Outcome outcome : work.finals.values()) {
                ParkedRow row = outcome.input.parked;
                switch (outcome.kind) {
                    case APPLY -> {
                        if (row != null) {
                            resolved++;
                            updates.add(update(row, ParkState.APPLIED, row.reason(), row.waitingFor(),
                                    row.missingSequence(), false, null, null));
                        }
                    }
                    case SKIP -> {
                        if (row == null) {
                            redelivered++;
                        } else {
                            resolved++;
                            updates.add(update(row, ParkState.DUPLICATE, row.reason(), row.waitingFor(),
                                    row.missingSequence(), false, null, null));
                        }
                    }
                    case OPERATOR_SKIP -> {
                        resolved++;
                        updates.add(update(row, ParkState.SKIPPED, row.reason(), row.waitingFor(),
                                row.missingSequence(), false, null, null));
                    }
                    case PARK -> {
                        if (row == null) {
                            inserts.add(newParked(outcome));
                            newlyParked.add(outcome);
                        } else if (outcome.attempted || outcome.reason != row.reason()
                                || !java.util.Objects.equals(outcome.waitingFor, row.waitingFor())
                                || !java.util.Objects.equals(outcome.missing, row.missingSequence())) {
                            updates.add(update(row, ParkState.PARKED, outcome.reason, outcome.waitingFor,
                                    outcome.missing, outcome.attempted, outcome.errorMessage, outcome.errorStack));
                            if (outcome.reason == ParkReason.FAILED && row.reason() != ParkReason.FAILED) {
                                newlyParked.add(outcome);
                            }
                        }
                    }
                    case CONFLICT -> {
                    }
                }
            }
            inserts.sort(Comparator.comparingLong(ProjectionStore.NewParked::offset));
            store.insertParked(name(), topic, inserts);
            store.updateParked(updates);
            work.applies.forEach(outcome -> applied.add(outcome.event));
            positions.putAll(work.positions);
        }
        store.savePositions(name(), positions);
        Map<Integer, Long> versions = writer.write(works);
        return new Result(works, applied, newlyParked, resolved, redelivered, versions);
    }

    private static ProjectionStore.ParkedUpdate update(ParkedRow row, ParkState state, ParkReason reason,
                                                       String waitingFor, Long missing, boolean attempted,
                                                       String message, String stack) {
        return new ProjectionStore.ParkedUpdate(row.id(), state, reason, waitingFor, missing, attempted, message, stack);
    }

    private ProjectionStore.NewParked newParked(Outcome outcome) {
        Input input = outcome.input;
        return new ProjectionStore.NewParked(input.partition, input.offset, input.key, decoded(input).known(),
                outcome.holdKey, outcome.reason, outcome.waitingFor, outcome.missing, input.value,
                outcome.errorMessage, outcome.errorStack);
    }

    /** Stores what the caller owns in the same transaction: the consumer its offsets, an operator the version bump. */
    interface Writer {
        Map<Integer, Long> write(List<Work> works);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
        String root = RecordDecoder.rootMessage(e);
        if (!message.contains(root)) {
            message = message + " (cause: " + root + ")";
        }
        return message.length() > 2000 ? message.substring(0, 2000) + "…" : message;
    }

    static String stack(Throwable e) {
        if (e == null) {
            return null;
        }
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        String stack = text.toString();
        return stack.length() > STACK_LIMIT ? stack.substring(0, STACK_LIMIT) + "\n…" : stack;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchAbandonedException(e);
        }
    }

    /** The consumer is stopping: the batch was rolled back and is left for the next consumer. */
    static final class BatchAbandonedException extends RuntimeException {
        BatchAbandonedException(Throwable cause) {
            super("Batch abandoned while stopping", cause);
        }
    }
}
