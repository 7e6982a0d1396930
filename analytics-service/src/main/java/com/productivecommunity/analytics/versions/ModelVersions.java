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
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versions' life: seeded from the configured models (the default lane), created by analysts (a lane of
 * their own, replayed from offset 0), replayed again, promoted to default, retired. Every action is recorded.
 */
@Service
class ModelVersions implements ModelCatalog, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ModelVersions.class);

    private final ModelVersionRepository repository;
    private final ValueModels configured;
    private final ProjectionAdmin admin;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    ModelVersions(ModelVersionRepository repository, ValueModels configured, ProjectionAdmin admin, JdbcTemplate jdbc,
                  TransactionTemplate transactions) {
        this.repository = repository;
        this.configured = configured;
        this.admin = admin;
        this.jdbc = jdbc;
        this.transactions = transactions;
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
        for (ModelVersion version : repository.all()) {
            if (!version.lane().equals(LedgerStore.DEFAULT_LANE) && version.state() != State.RETIRED) {
                admin.register(ModelLanes.projection(jdbc, version.model(), version.until()));
            }
        }
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
     * not null); 409 when the name is taken.
     */
    ModelVersion create(ValueModel model, String derivedFrom, Instant until, String actor) {
        if (derivedFrom != null && find(derivedFrom).isEmpty()) {
            throw new com.productivecommunity.support.web.InvalidInputException("derivedFrom",
                    "'derivedFrom' names no version: " + Problems.quote(derivedFrom));
        }
        Instant now = clock.instant();
        ModelVersion version = new ModelVersion(model, derivedFrom, until, ModelLanes.laneOf(model.name()),
                State.QUEUED, actor, now, now, null, null);
        transactions.executeWithoutResult(status -> {
            if (!repository.insert(version)) {
                throw new ConflictException("A version named " + Problems.quote(model.name())
                        + " exists; versions are immutable, create another name");
            }
            String detail = derivedFrom == null ? null : "derived from " + derivedFrom;
            if (until != null) {
                detail = (detail == null ? "" : detail + "; ") + "events up to " + until;
            }
            repository.record(model.name(), "CREATE", actor, now, detail);
            repository.record(model.name(), "REPLAY", actor, now, replayDetail(until));
        });
        admin.register(ModelLanes.projection(jdbc, model, until));
        return version;
    }

    /** Replays the version again from the first event: its lane is wiped and read from offset 0. */
    ModelVersion replay(String name, String actor) {
        ModelVersion version = version(name);
        if (version.lane().equals(LedgerStore.DEFAULT_LANE)) {
            throw new ConflictException(name + " is applied by the service's own projection; rebuild it with"
                    + " POST /api/admin/projections/" + LedgerStore.DEFAULT_LANE + "/rebuild");
        }
        if (version.state() == State.RETIRED) {
            throw new ConflictException(name + " is retired");
        }
        if (name.equals(defaultName())) {
            throw new ConflictException(name + " is the default version: replaying it would show readers a"
                    + " half-built version; promote another version first");
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            repository.replaying(name, now);
            repository.record(name, "REPLAY", actor, now, replayDetail(version.until()));
        });
        admin.rebuild(version.lane(), actor);
        return version(name);
    }

    private static String replayDetail(Instant until) {
        return until == null ? "from the topic's first event"
                : "from the topic's first event, applying those that occurred at or before " + until;
    }

    /** Makes a caught-up version the default, in one statement; the previous default stays readable by name. */
    ModelVersion promote(String name, String actor) {
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

    /** Stops following events and deletes the version's figures, ledger and rule state; its record stays. */
    ModelVersion retire(String name, String actor) {
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
        if (admin.names().contains(version.lane())) {
            admin.unregister(version.lane()).join();
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            ModelLanes.wipe(jdbc, version.model());
            jdbc.update("DELETE FROM projection_offset WHERE projection = ?", version.lane());
            jdbc.update("DELETE FROM projection_aggregate_position WHERE projection = ?", version.lane());
            repository.state(name, State.RETIRED, null);
            repository.record(name, "RETIRE", actor, now, "figures, ledger and rule state deleted");
        });
        return version(name);
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
