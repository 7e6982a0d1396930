package com.productivecommunity.support.projection;

import com.productivecommunity.support.web.NotFoundException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's projection consumers: starts them with the context, stops them with it, reports their
 * status and rebuilds a projection from the topic's first offset.
 */
public class ProjectionAdmin implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final Map<String, ProjectionRunner> runners = new LinkedHashMap<>();
    private final ProjectionStore store;
    private final TransactionTemplate transactions;
    private final boolean autoStartup;
    private volatile boolean started;

    public ProjectionAdmin(Collection<ProjectionRunner> runners, DataSource dataSource,
                           PlatformTransactionManager transactionManager, boolean autoStartup) {
        runners.forEach(runner -> {
            if (this.runners.putIfAbsent(runner.name(), runner) != null) {
                throw new IllegalStateException("Two projections are named " + runner.name());
            }
        });
        this.store = new ProjectionStore(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.autoStartup = autoStartup;
    }

    public List<String> names() {
        return List.copyOf(runners.keySet());
    }

    public List<ProjectionStatus> statuses() {
        return runners.values().stream().map(ProjectionRunner::status).toList();
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

    /**
     * Replays the whole topic into the projection: stops its consumer, wipes its tables, stored offsets
     * and positions in one transaction, and starts it again from offset 0. Reads see an emptied
     * projection filling up meanwhile.
     */
    public void rebuild(String name) {
        ProjectionRunner runner = runner(name);
        log.warn("Rebuilding projection {} from the beginning of the topic", name);
        runner.stop();
        transactions.executeWithoutResult(status -> {
            runner.projection().reset();
            store.forget(name);
        });
        runner.start();
    }

    @Override
    public void start() {
        runners.values().forEach(ProjectionRunner::start);
        started = true;
    }

    @Override
    public void stop() {
        runners.values().forEach(ProjectionRunner::stop);
        started = false;
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
