package com.productivecommunity.analytics.versions;

import com.productivecommunity.analytics.ledger.LedgerStore;
import com.productivecommunity.analytics.ledger.ModelLanes;
import com.productivecommunity.analytics.model.ModelCatalog;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.analytics.model.ValueModels;
import com.productivecommunity.analytics.versions.ModelVersion.State;
import com.productivecommunity.support.projection.ProjectionAdmin;
import com.productivecommunity.support.web.ConflictException;
import com.productivecommunity.support.web.NotFoundException;
import com.productivecommunity.support.web.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versions' life: seeded from the configured models (the default lane), created by analysts (replayed from
 * offset 0 in a lane: one of their own, or a lane whose replay has just begun, see {@link #create}), replayed
 * again, promoted to default, retired. Every action is recorded. Changes to lanes (create, replay, retire) are
 * made one at a time.
 */
@Service
class ModelVersions implements ModelCatalog, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ModelVersions.class);

    private final ModelVersionRepository repository;
    private final ValueModels configured;
    private final ProjectionAdmin admin;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReplayProgress progress;
    private final Clock clock = Clock.systemUTC();
    /** Held while a lane is changed: two creations never both join (or both restart) one lane. */
    private final Object laneChanges = new Object();

    /**
     * The joining rule: a version created while another lane's replay has done at most this share of the topic's
     * events (and none of that lane's versions has caught up or failed) joins that lane.
     */
    static final double JOIN_AT_MOST_DONE = 0.5;
    /** At most this many versions share a lane (one pass, one batch transaction writing all their rows). */
    static final int MAX_PER_LANE = 8;

    ModelVersions(ModelVersionRepository repository, ValueModels configured, ProjectionAdmin admin, JdbcTemplate jdbc,
                  TransactionTemplate transactions, ReplayProgress progress) {
        this.repository = repository;
        this.configured = configured;
        this.admin = admin;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.progress = progress;
    }

    /** Before the projections start: the configured versions are stored, the created ones' lanes registered. */
    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (ValueModel model : configured.all()) {
                ModelVersion seeded = new ModelVersion(model, null, null, LedgerStore.DEFAULT_LANE, State.CAUGHT_UP,
                        "system", now, null, null, null);
                if (repository.insert(seeded)) {
                    repository.record(model.name(), "SEED", "system", now, "shipped in value-models/" + model.name()
                            + ".json, applied by the projection " + LedgerStore.DEFAULT_LANE);
                } else {
                    ModelVersion stored = repository.find(model.name()).orElseThrow();
                    if (!stored.lane().equals(LedgerStore.DEFAULT_LANE)) {
                        throw new IllegalStateException("platform.analytics.models names " + model.name()
                                + ", a version created through the API; choose another name for the shipped file");
                    }
                    if (!sameDefinition(stored.model(), model)) {
                        log.warn("value-models/{}.json differs from the stored version {}: the file is applied",
                                model.name(), model.name());
                    }
                }
            }
            repository.setDefaultIfNone(configured.all().get(0).name());
        });
        // one projection per lane, applying every version of it that is not retired
        for (Map.Entry<String, List<ModelVersion>> lane : liveLanes().entrySet()) {
            if (!lane.getKey().equals(LedgerStore.DEFAULT_LANE)) {
                admin.register(projection(lane.getKey(), lane.getValue()));
            }
        }
    }

    /** The versions not retired, by lane (lanes and versions oldest first). */
    Map<String, List<ModelVersion>> liveLanes() {
        Map<String, List<ModelVersion>> lanes = new LinkedHashMap<>();
        for (ModelVersion version : repository.all()) {
            if (version.state() != State.RETIRED) {
                lanes.computeIfAbsent(version.lane(), k -> new ArrayList<>()).add(version);
            }
        }
        return lanes;
    }

    private com.productivecommunity.support.projection.Projection projection(String lane, List<ModelVersion> versions) {
        return ModelLanes.projection(jdbc, lane, versions.stream()
                .map(v -> new ModelLanes.LaneModel(v.model(), v.until())).toList());
    }

    private static String names(List<ModelVersion> versions) {
        return String.join(", ", versions.stream().map(ModelVersion::name).toList());
    }

    private static boolean sameDefinition(ValueModel a, ValueModel b) {
        return a.productiveShareThreshold().compareTo(b.productiveShareThreshold()) == 0
                && a.weights().size() == b.weights().size()
                && a.weights().entrySet().stream().allMatch(e -> b.weights().containsKey(e.getKey())
                        && b.weights().get(e.getKey()).compareTo(e.getValue()) == 0);
    }

    java.util.Map<String, List<ModelVersionRepository.Action>> actions() {
        return repository.actions();
    }

    List<ModelVersion> all() {
        return repository.all();
    }

    ModelVersion version(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("No value model version " + Problems.quote(name)));
    }

    /** No database lookup for what cannot be a version name (a NUL, for one, would fail in PostgreSQL). */
    private java.util.Optional<ModelVersion> find(String name) {
        return name != null && NAME.matcher(name).matches() ? repository.find(name) : java.util.Optional.empty();
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    Instant now() {
        return clock.instant();
    }

    /**
     * Stores the version and starts its replay (of the events that occurred at or before {@code until} when it is
     * not null); 409 when the name is taken. The replay is one pass shared with other versions when a lane's replay
     * has only begun ({@link #joinable}): that lane is restarted from offset 0 with all its versions and the new one
     * (its half-built figures, ledger and rule state wiped: none of its versions was readable yet). Otherwise the
     * version gets a lane of its own.
     */
    ModelVersion create(ValueModel model, String derivedFrom, Instant until, String actor) {
        if (derivedFrom != null && find(derivedFrom).isEmpty()) {
            throw new com.productivecommunity.support.web.InvalidInputException("derivedFrom",
                    "'derivedFrom' names no version: " + Problems.quote(derivedFrom));
        }
        synchronized (laneChanges) {
            if (repository.find(model.name()).isPresent()) {
                throw taken(model.name());
            }
            String detail = derivedFrom == null ? null : "derived from " + derivedFrom;
            if (until != null) {
                detail = (detail == null ? "" : detail + "; ") + "events up to " + until;
            }
            Optional<String> join = joinable();
            if (join.isPresent()) {
                try {
                    return join(join.get(), model, derivedFrom, until, actor, detail);
                } catch (NotJoinable e) {
                    log.info("Value model {} does not join the lane {}: {}", model.name(), join.get(), e.getMessage());
                }
            }
            Instant now = clock.instant();
            ModelVersion version = new ModelVersion(model, derivedFrom, until, ModelLanes.laneOf(model.name()),
                    State.QUEUED, actor, now, now, null, null);
            String created = detail;
            transactions.executeWithoutResult(status -> {
                if (!repository.insert(version)) {
                    throw taken(model.name());
                }
                repository.record(model.name(), "CREATE", actor, now, created);
                repository.record(model.name(), "REPLAY", actor, now, replayDetail(until) + "; a lane of its own");
            });
            admin.register(ModelLanes.projection(jdbc, model, until));
            return version;
        }
    }

    private static ConflictException taken(String name) {
        return new ConflictException("A version named " + Problems.quote(name)
                + " exists; versions are immutable, create another name");
    }

    /**
     * The lane a version created now joins, if any: a created versions' lane (not the default lane) whose versions
     * are all queued or replaying (none caught up, hence none readable nor the default; none failed), fewer than
     * {@link #MAX_PER_LANE}, and whose pass has done at most {@link #JOIN_AT_MOST_DONE} of the topic's events.
     * Restarting such a lane costs at most what it has done, and saves a whole pass. Of several, the one that has
     * done least.
     */
    private Optional<String> joinable() {
        String best = null;
        long bestDone = Long.MAX_VALUE;
        for (Map.Entry<String, List<ModelVersion>> lane : liveLanes().entrySet()) {
            List<ModelVersion> versions = lane.getValue();
            if (lane.getKey().equals(LedgerStore.DEFAULT_LANE) || versions.size() >= MAX_PER_LANE
                    || !versions.stream().allMatch(v -> v.state() == State.QUEUED || v.state() == State.REPLAYING)
                    || versions.stream().anyMatch(v -> v.name().equals(defaultName()))
                    || !admin.names().contains(lane.getKey())) {
                continue;
            }
            ReplayProgress.Progress p = progress.progress(versions.get(0));
            boolean early = (p.state().equals(State.QUEUED.json()) || p.state().equals(State.REPLAYING.json()))
                    && p.eventsDone() <= JOIN_AT_MOST_DONE * p.eventsTotal();
            if (early && p.eventsDone() < bestDone) {
                best = lane.getKey();
                bestDone = p.eventsDone();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The version joins {@code lane}: the lane's projection is stopped; in one transaction the version is stored in
     * the lane, the lane's rule state, its versions' figures and ledger and its offsets are wiped, and its versions
     * are queued again; then one projection applying them all reads the topic from its first event. Should the
     * service stop in between, the lanes registered at start read from offset 0 with every version of the lane.
     */
    private ModelVersion join(String lane, ValueModel model, String derivedFrom, Instant until, String actor,
                              String createDetail) {
        if (admin.names().contains(lane)) {
            admin.unregister(lane).join();
        }
        Instant now = clock.instant();
        ModelVersion version = new ModelVersion(model, derivedFrom, until, lane, State.QUEUED, actor, now, now, null,
                null);
        try {
            transactions.executeWithoutResult(status -> {
                // locked: a replay's progress sample moving them on meanwhile is seen (and waits for this one)
                List<ModelVersion> others = repository.liveForUpdate(lane);
                ModelVersion moved = others.stream()
                        .filter(v -> v.state() != State.QUEUED && v.state() != State.REPLAYING).findFirst().orElse(null);
                if (moved != null || others.isEmpty()) {
                    throw new NotJoinable(moved == null ? "it has no version left"
                            : moved.name() + " is " + moved.state().json() + " now");
                }
                if (!repository.insert(version)) {
                    throw taken(model.name());
                }
                List<ValueModel> models = new ArrayList<>(others.stream().map(ModelVersion::model).toList());
                models.add(model);
                ModelLanes.wipe(jdbc, lane, models);
                forgetOffsets(lane);
                for (ModelVersion other : others) {
                    repository.replaying(other.name(), now);
                    repository.record(other.name(), "REPLAY", actor, now, replayDetail(other.until())
                            + "; restarted, replayed in one pass with " + model.name() + " (which joined its lane "
                            + lane + ")");
                }
                repository.record(model.name(), "CREATE", actor, now, createDetail);
                repository.record(model.name(), "REPLAY", actor, now, replayDetail(until)
                        + "; replayed in one pass with " + names(others) + " (joined the lane " + lane + ")");
            });
        } finally {
            // with the new version, or (the transaction failed) as it was, resuming at its offsets
            List<ModelVersion> live = repository.live(lane);
            if (!live.isEmpty()) {
                admin.register(projection(lane, live));
            }
        }
        log.info("Value model {} joined the lane {}: one pass with {}", model.name(), lane, names(repository.live(lane)));
        return version(model.name());
    }

    /** The lane found early has moved on meanwhile (its versions caught up): the version gets a lane of its own. */
    private static final class NotJoinable extends RuntimeException {
        NotJoinable(String message) {
            super(message);
        }
    }

    /** A lane's stored offsets, positions and parked records (what a rebuild forgets), in the caller's transaction. */
    private void forgetOffsets(String lane) {
        jdbc.update("DELETE FROM projection_offset WHERE projection = ?", lane);
        jdbc.update("DELETE FROM projection_aggregate_position WHERE projection = ?", lane);
        jdbc.update("DELETE FROM projection_parked WHERE projection = ?", lane);
    }

    /**
     * Replays the version again from the first event: its lane is wiped and read from offset 0. A lane is one pass,
     * so every version of it is replayed again with it; 409 when one of them is the default (readers would see a
     * half-built default).
     */
    ModelVersion replay(String name, String actor) {
        synchronized (laneChanges) {
            ModelVersion version = version(name);
            if (version.lane().equals(LedgerStore.DEFAULT_LANE)) {
                throw new ConflictException(name + " is applied by the service's own projection; rebuild it with"
                        + " POST /api/admin/projections/" + LedgerStore.DEFAULT_LANE + "/rebuild");
            }
            if (version.state() == State.RETIRED) {
                throw new ConflictException(name + " is retired");
            }
            String defaultName = defaultName();
            if (name.equals(defaultName)) {
                throw new ConflictException(name + " is the default version: replaying it would show readers a"
                        + " half-built version; promote another version first");
            }
            List<ModelVersion> lane = repository.live(version.lane());
            List<ModelVersion> others = lane.stream().filter(v -> !v.name().equals(name)).toList();
            if (others.stream().anyMatch(v -> v.name().equals(defaultName))) {
                throw new ConflictException(name + " is replayed in one pass with " + names(others) + ", and "
                        + defaultName + " is the default version: replaying their lane would show readers a"
                        + " half-built default; promote another version first");
            }
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> {
                for (ModelVersion v : lane) {
                    repository.replaying(v.name(), now);
                }
                repository.record(name, "REPLAY", actor, now, replayDetail(version.until())
                        + (others.isEmpty() ? "" : "; its lane replayed whole, in one pass with " + names(others)));
                for (ModelVersion other : others) {
                    repository.record(other.name(), "REPLAY", actor, now, replayDetail(other.until())
                            + "; replayed in one pass with " + name + " (its replay was asked for)");
                }
            });
            admin.rebuild(version.lane(), actor);
            return version(name);
        }
    }

    private static String replayDetail(Instant until) {
        return until == null ? "from the topic's first event"
                : "from the topic's first event, applying those that occurred at or before " + until;
    }

    /** Makes a caught-up version the default, in one statement; the previous default stays readable by name. */
    ModelVersion promote(String name, String actor) {
        synchronized (laneChanges) { // never while a lane it is in is restarted for a version joining it
            return promoteNow(name, actor);
        }
    }

    private ModelVersion promoteNow(String name, String actor) {
        ModelVersion version = version(name);
        if (version.state() != State.CAUGHT_UP) {
            throw new ConflictException(name + " is " + version.state().json() + "; only a caught-up version can be"
                    + " promoted");
        }
        if (version.until() != null) {
            throw new ConflictException(name + " applies only the events that occurred until " + version.until()
                    + ": a what-if version is read by name (?model=" + name + "), never the default, which must follow"
                    + " every new event");
        }
        Instant now = clock.instant();
        String previous = defaultName();
        transactions.executeWithoutResult(status -> {
            repository.setDefault(name);
            repository.record(name, "PROMOTE", actor, now, "default was " + previous);
        });
        return version(name);
    }

    /**
     * Stops following events and deletes the version's figures and ledger; its record stays. Alone in its lane, the
     * lane's rule state and offsets go too; otherwise the lane goes on for its other versions (stopped and started
     * again without the retired one, keeping its offsets and rule state).
     */
    ModelVersion retire(String name, String actor) {
        synchronized (laneChanges) {
            ModelVersion version = version(name);
            if (version.state() == State.RETIRED) {
                throw new ConflictException(name + " is retired already");
            }
            if (name.equals(defaultName())) {
                throw new ConflictException(name + " is the default version; promote another version first");
            }
            if (version.lane().equals(LedgerStore.DEFAULT_LANE)) {
                throw new ConflictException(name + " is configured (platform.analytics.models) and applied by the"
                        + " service's own projection; remove it from the configuration instead");
            }
            String lane = version.lane();
            List<ModelVersion> others = repository.live(lane).stream().filter(v -> !v.name().equals(name)).toList();
            if (admin.names().contains(lane)) {
                admin.unregister(lane).join();
            }
            Instant now = clock.instant();
            try {
                transactions.executeWithoutResult(status -> {
                    if (others.isEmpty()) {
                        ModelLanes.wipe(jdbc, lane, List.of(version.model()));
                        jdbc.update("DELETE FROM projection_offset WHERE projection = ?", lane);
                        jdbc.update("DELETE FROM projection_aggregate_position WHERE projection = ?", lane);
                    } else {
                        ModelLanes.wipeFigures(jdbc, version.model());
                    }
                    repository.state(name, State.RETIRED, null);
                    repository.record(name, "RETIRE", actor, now, others.isEmpty()
                            ? "figures, ledger and rule state deleted"
                            : "figures and ledger deleted; its lane " + lane + " goes on for " + names(others));
                });
            } finally {
                List<ModelVersion> live = repository.live(lane);
                if (!live.isEmpty()) {
                    admin.register(projection(lane, live));
                }
            }
            return version(name);
        }
    }

    @Override
    public String defaultName() {
        return repository.defaultModel().orElseGet(() -> configured.all().get(0).name());
    }

    @Override
    public ValueModel readable(String name) {
        String wanted = name == null || name.isEmpty() ? defaultName() : name;
        ModelVersion version = find(wanted).orElseThrow(() -> new NotFoundException(
                "No value model " + Problems.quote(wanted) + " is applied by this service"));
        if (version.state() == State.RETIRED) {
            throw new NotFoundException("Value model " + wanted + " is retired");
        }
        if (!readable(version) && !Objects.equals(wanted, defaultName())) {
            throw new ConflictException("Value model " + wanted + " is " + version.state().json()
                    + ": its figures can be read once it has caught up (GET /api/analytics/models/" + wanted
                    + "/progress)");
        }
        if (version.lane().equals(LedgerStore.DEFAULT_LANE)) {
            // the shipped file is what the default lane applies
            return configured.find(wanted).orElse(version.model());
        }
        return version.model();
    }

    @Override
    public List<ValueModel> readableModels() {
        return repository.all().stream().filter(ModelVersions::readable).map(ModelVersion::model).toList();
    }

    private static boolean readable(ModelVersion version) {
        return version.state() == State.CAUGHT_UP || version.lane().equals(LedgerStore.DEFAULT_LANE);
    }
}
