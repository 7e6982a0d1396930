package com.productivecommunity.support.projection;

import com.productivecommunity.support.projection.ProjectionEngine.Input;
import com.productivecommunity.support.projection.ProjectionEngine.Kind;
import com.productivecommunity.support.projection.ProjectionEngine.Operator;
import com.productivecommunity.support.projection.ProjectionEngine.Outcome;
import com.productivecommunity.support.projection.ProjectionEngine.Result;
import com.productivecommunity.support.projection.ProjectionEngine.Work;
import com.productivecommunity.support.projection.ProjectionStore.StoredOffset;
import com.productivecommunity.support.web.ConflictException;
import com.productivecommunity.support.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What operators do with parked records: list and read them, retry one or all (after a fix), skip one with a
 * reason. An action works in one transaction on the record's partition, holding the partition's offset row
 * so that no batch of it commits meanwhile, releases what was held behind (in order, through the same
 * planning as the consumer), bumps the partition's version (a consumer with an older view reloads), and is
 * recorded with who, when, what and why.
 */
public final class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);
    private static final int ATTEMPTS = 5;

    private final ProjectionAdmin admin;

    ParkedEvents(ProjectionAdmin admin) {
        this.admin = admin;
    }

    /** A page of parked records, oldest first; {@code next} is the {@code afterId} of the next page, or null. */
    public record Page(List<ParkedEvent> items, Long next) {
    }

    /** An action's result: the record it was about (null for retry-all), and what it released. */
    public record ActionResult(ProjectionAction action, ParkedEvent parked, int applied, int stillParked) {
    }

    public Page list(String projection, ParkState state, long afterId, int limit) {
        ProjectionRunner runner = admin.runner(projection);
        List<ParkedEvent> rows = store(runner).listParked(projection, state, afterId, limit + 1);
        boolean more = rows.size() > limit;
        List<ParkedEvent> items = more ? rows.subList(0, limit) : rows;
        return new Page(List.copyOf(items), more ? items.get(items.size() - 1).id() : null);
    }

    public ParkedEvent get(String projection, long id) {
        ParkedEvent parked = store(admin.runner(projection)).findParked(projection, id);
        if (parked == null) {
            throw new NotFoundException("No parked record " + id + " in projection " + projection);
        }
        return parked;
    }

    public List<ProjectionAction> actions(String projection, long beforeId, int limit) {
        return store(admin.runner(projection)).actions(projection, beforeId, limit);
    }

    /** Tries the record again (decoded and applied anew); whatever waited behind it follows if it applies. */
    public ActionResult retry(String projection, long id, String actor, String reason) {
        ParkedEvent parked = open(projection, id);
        if (parked.reason() == ParkReason.BEHIND) {
            throw new ConflictException("Parked record " + id + " waits behind " + parked.waitingFor()
                    + "; retry or skip the record it waits for");
        }
        int[] counts = act(projection, parked, new Operator(Set.of(id), null), "RETRY", actor, reason);
        ParkedEvent after = get(projection, id);
        return new ActionResult(lastAction(projection), after, counts[0], counts[1]);
    }

    /**
     * Gives the record up: it is never applied. Skipping a GAP record gives up the missing sequences it waits
     * for, and applies the record itself. Whatever waited behind follows, in order.
     */
    public ActionResult skip(String projection, long id, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new com.productivecommunity.support.web.InvalidInputException("A skip needs a reason");
        }
        ParkedEvent parked = open(projection, id);
        if (parked.reason() == ParkReason.BEHIND) {
            throw new ConflictException("Parked record " + id + " waits behind " + parked.waitingFor()
                    + "; retry or skip the record it waits for");
        }
        int[] counts = act(projection, parked, new Operator(Set.of(), id),
                parked.reason() == ParkReason.GAP ? "SKIP_GAP" : "SKIP", actor, reason);
        ParkedEvent after = get(projection, id);
        return new ActionResult(lastAction(projection), after, counts[0], counts[1]);
    }

    /** Retries every parked failure of the projection, partition by partition, in offset order. */
    public ActionResult retryAll(String projection, String actor, String reason) {
        ProjectionRunner runner = admin.runner(projection);
        refuseWhileRebuilding(runner);
        ProjectionStore store = store(runner);
        String topic = runner.engine().topic();
        int applied = 0;
        int still = 0;
        for (Integer partition : store.partitionsWithParked(projection, topic)) {
            List<Long> roots = store.openRootIds(projection, topic, partition);
            int[] counts = run(runner, partition, new Operator(Set.copyOf(roots), null), null, null, null, null);
            applied += counts[0];
            still += counts[1];
        }
        String outcome = "applied " + applied + ", still parked " + still;
        new TransactionTemplate(runner.infrastructure().transactionManager()).executeWithoutResult(status ->
                store.recordAction(projection, "RETRY_ALL", null, actor, reason, outcome));
        log.warn("Projection {}: {} retried every parked record: {}", projection, actor, outcome);
        return new ActionResult(lastAction(projection), null, applied, still);
    }

    private ParkedEvent open(String projection, long id) {
        ParkedEvent parked = get(projection, id);
        if (parked.state() != ParkState.PARKED) {
            throw new ConflictException("Parked record " + id + " is already " + parked.state());
        }
        return parked;
    }

    private int[] act(String projection, ParkedEvent parked, Operator operator, String action, String actor,
                      String reason) {
        ProjectionRunner runner = admin.runner(projection);
        refuseWhileRebuilding(runner);
        return run(runner, parked.partition(), operator, parked.id(), action, actor, reason);
    }

    /** Returns {applied, still parked in the partition}. */
    private int[] run(ProjectionRunner runner, int partition, Operator operator, Long target, String action,
                      String actor, String reason) {
        ProjectionEngine engine = runner.engine();
        ProjectionStore store = engine.store();
        String name = engine.name();
        String topic = engine.topic();
        for (int attempt = 1; ; attempt++) {
            PartitionState base = new PartitionState(partition);
            base.holdFrom(store.openParked(name, topic, partition, false));
            Work work = engine.operatorWork(base, operator);
            AtomicReference<StoredOffset> seen = new AtomicReference<>();
            try {
                Result result = engine.process(List.of(work), () -> {
                    StoredOffset locked = store.lockPartition(name, topic, partition);
                    StoredOffset first = seen.get();
                    if (first == null) {
                        seen.set(locked);
                    } else if (locked == null || locked.version() != first.version()) {
                        throw new ConcurrentProjectionUpdateException(name, topic, List.of(partition));
                    }
                }, works -> {
                    Outcome outcome = target == null ? null : outcome(work, target);
                    if (outcome != null && outcome.kind == Kind.CONFLICT) {
                        throw new ConflictException("Parked record " + target + " cannot be skipped yet: "
                                + outcome.errorMessage);
                    }
                    store.bumpVersion(name, topic, partition);
                    if (action != null) {
                        store.recordAction(name, action, target, actor, reason, describe(work, outcome));
                    }
                    return java.util.Map.of();
                }, () -> false);
                runner.operatorCommitted(result);
                int still = (int) work.outcomes().stream().filter(o -> o.kind == Kind.PARK).count();
                if (action != null) {
                    log.warn("Projection {}: {} by {} on parked record {} ({}): {}", name, action, actor, target, reason,
                            describe(work, outcome(work, target)));
                }
                return new int[] {result.applied().size(), still};
            } catch (ConcurrentProjectionUpdateException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ConflictException("Projection " + name + " partition " + partition
                            + " keeps changing under the action; try again");
                }
            }
        }
    }

    private static Outcome outcome(Work work, long target) {
        for (Outcome outcome : work.outcomes()) {
            Input input = outcome.input;
            if (input.parked != null && input.parked.id() == target) {
                return outcome;
            }
        }
        return null;
    }

    private static String describe(Work work, Outcome target) {
        int released = 0;
        List<String> parts = new ArrayList<>();
        for (Outcome outcome : work.outcomes()) {
            if (outcome != target && outcome.kind == Kind.APPLY) {
                released++;
            }
        }
        if (target != null) {
            parts.add(switch (target.kind) {
                case APPLY -> "applied";
                case OPERATOR_SKIP -> "skipped";
                case SKIP -> "found redelivered (already applied)";
                case PARK -> "still parked (" + target.reason + "): " + target.errorMessage;
                default -> target.kind.name().toLowerCase();
            });
        }
        parts.add("released " + released);
        return String.join("; ", parts);
    }

    private ProjectionAction lastAction(String projection) {
        List<ProjectionAction> last = actions(projection, Long.MAX_VALUE, 1);
        return last.isEmpty() ? null : last.get(0);
    }

    private static void refuseWhileRebuilding(ProjectionRunner runner) {
        if ("REBUILDING".equals(runner.status().state())) {
            throw new ConflictException("Projection " + runner.name() + " is being rebuilt");
        }
    }

    private static ProjectionStore store(ProjectionRunner runner) {
        return runner.engine().store();
    }
}
