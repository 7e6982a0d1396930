package com.productivecommunity.command.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the appender and the re-verification on two background threads while the service runs. */
@Component
class AuditRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditRunner.class);

    private final AuditAppender appender;
    private final AuditRecheck recheck;
    private final AuditProperties properties;
    private ScheduledExecutorService executor;
    private boolean started;

    AuditRunner(AuditAppender appender, AuditRecheck recheck, AuditProperties properties) {
        this.appender = appender;
        this.recheck = recheck;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        started = true;
        if (!properties.enabled()) {
            log.warn("Audit log disabled (platform.audit.enabled=false): events are not logged until it runs again");
            return;
        }
        executor = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "audit-log");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> run("append", appender::cycle), 0,
                properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> run("re-verify", recheck::step), properties.recheckInterval().toMillis(),
                properties.recheckInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void run(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Audit log: {} failed; retrying: {}", what, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
        started = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return started;
    }
}
