package com.productivecommunity.support.projection;

import com.productivecommunity.support.web.ConflictException;
import com.productivecommunity.support.web.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's projections: the ones declared as beans and those registered at run time. Starts them with
 * the context, stops them with it, reports their status, rebuilds one from the topic's first offset, and
 * gives operators the parked records ({@link #parked()}). Starts, stops and rebuilds run one at a time on
 * one thread, so two of them never interleave on a projection.
 */
public class ProjectionAdmin implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final ProjectionInfrastructure infrastructure;
    private final Map<String, ProjectionRunner> runners = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final Map<String, CompletableFuture<Void>> rebuilds = new ConcurrentHashMap<>();
    private final ProjectionStore store;
    private final TransactionTemplate transactions;
    private final boolean autoStartup;
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-admin");
        thread.setDaemon(true);
        return thread;
    });
    private final ParkedEvents parked = new ParkedEvents(this);
    private volatile boolean started;

    public ProjectionAdmin(ProjectionInfrastructure infrastructure, Collection<? extends Projection> projections,
                           boolean autoStartup) {
        this.infrastructure = infrastructure;
        this.store = new ProjectionStore(infrastructure.dataSource());
        this.transactions = new TransactionTemplate(infrastructure.transactionManager());
        this.autoStartup = autoStartup;
        projections.forEach(this::add);
    }

    private ProjectionRunner add(Projection projection) {
        synchronized (runners) {
            if (runners.containsKey(projection.name())) {
                throw new ConflictException("A projection named " + projection.name() + " is already registered");
            }
            ProjectionRunner runner = new ProjectionRunner(projection, infrastructure);
            runners.put(projection.name(), runner);
            return runner;
        }
    }

    public List<String> names() {
        synchronized (runners) {
            return List.copyOf(runners.keySet());
        }
    }

    public List<ProjectionStatus> statuses() {
        return runnersNow().stream().map(ProjectionRunner::status).toList();
    }

    public ProjectionStatus status(String name) {
        return runner(name).status();
    }

    public ProjectionRunner runner(String name) {
        ProjectionRunner runner = runners.get(name);
        if (runner == null) {
            throw new NotFoundException("No projection " + name + "; there are " + names());
        }
        return runner;
    }

    /** Listing, retrying and skipping parked records. */
    public ParkedEvents parked() {
        return parked;
    }

    /**
     * Adds a projection at run time, under its own name (its own Kafka group, offsets, positions and parked
     * records), and starts it if the service's projections are running. It resumes where its stored offsets
     * say, or from the topic's first event.
     */
    public ProjectionRunner register(Projection projection) {
        ProjectionRunner runner = add(projection);
        if (started) {
            runner.start();
        }
        log.info("Projection {} registered", projection.name());
        return runner;
    }

    /**
     * Stops a projection for sure and forgets it in this service (its tables, offsets and parked records stay,
     * for a later {@link #register} to resume). Completes when its consumer threads have ended.
     */
    public CompletableFuture<Void> unregister(String name) {
        ProjectionRunner runner = runner(name);
        return CompletableFuture.runAsync(() -> {
            runner.stop();
            runners.remove(name);
            runner.close();
            log.info("Projection {} unregistered", name);
        }, lifecycle);
    }

    /**
     * Replays the whole topic into the projection, in the background: stops its consumer and waits until its
     * threads have ended (however long the batch in progress takes), wipes its tables, stored offsets,
     * positions and parked records in one transaction, and starts it again from offset 0. Reads see an
     * emptied projection filling up meanwhile. A second request while one runs joins it.
     */
    public CompletableFuture<Void> rebuild(String name) {
        return rebuild(name, "system");
    }

    public CompletableFuture<Void> rebuild(String name, String actor) {
        ProjectionRunner runner = runner(name);
        return rebuilds.compute(name, (key, running) -> {
            if (running != null && !running.isDone()) {
                return running;
            }
            runner.rebuilding(true);
            log.warn("Rebuilding projection {} from the beginning of the topic (asked by {})", name, actor);
            return CompletableFuture.runAsync(() -> {
                try {
                    runner.stop();
                    transactions.executeWithoutResult(status -> {
                        runner.projection().reset();
                        store.forget(name);
                        store.recordAction(name, "REBUILD", null, actor, null, "tables, offsets, positions and"
                                + " parked records wiped; replaying from the first offset");
                    });
                    runner.start();
                } finally {
                    runner.rebuilding(false);
                }
            }, lifecycle).whenComplete((done, failure) -> {
                if (failure != null) {
                    log.error("Rebuild of projection {} failed", name, failure);
                }
            });
        });
    }

    private List<ProjectionRunner> runnersNow() {
        synchronized (runners) {
            return List.copyOf(runners.values());
        }
    }

    @Override
    public void start() {
        started = true;
        runnersNow().forEach(ProjectionRunner::start);
    }

    @Override
    public void stop() {
        started = false;
        runnersNow().forEach(ProjectionRunner::stop);
    }

    @Override
    public void stop(Runnable callback) {
        started = false;
        CompletableFuture.allOf(runnersNow().stream().map(ProjectionRunner::stopAsync)
                .toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> callback.run());
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** Late in startup (after the web server), early in shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
