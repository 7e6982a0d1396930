package com.productivecommunity.analytics.versions;

import com.productivecommunity.analytics.versions.ModelVersion.State;
import com.productivecommunity.support.projection.ProjectionAdmin;
import com.productivecommunity.support.projection.ProjectionInfrastructure;
import com.productivecommunity.support.projection.ProjectionStatus;
import com.productivecommunity.support.web.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where each version's replay stands: events done (offsets its lane stored, over every partition) against the
 * topic's end offsets, a rate over the last seconds, the time left. Sampled every second; moves a version from
 * queued to replaying to caught up (once: it then follows new events live) or failed, and records when it
 * caught up, how long it took and the rate.
 */
@Component
class ReplayProgress implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplayProgress.class);
    private static final Duration WINDOW = Duration.ofSeconds(5);

    /** {@code until}: the version's own (null: none); its later events count as done without being applied. */
    record Progress(String model, String state, Instant until, long eventsDone, long eventsTotal,
                    BigDecimal eventsPerSecond,
                    Long etaSeconds, Instant replayStartedAt, Instant caughtUpAt, long lag, long parkedEvents,
                    String failure, Instant at) {
    }

    private record Sample(Instant at, long done) {
    }

    private final ModelVersionRepository repository;
    private final ProjectionAdmin admin;
    private final ProjectionInfrastructure infrastructure;
    private final TransactionTemplate transactions;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timer;
    private Admin kafka;

    ReplayProgress(ModelVersionRepository repository, ProjectionAdmin admin, ProjectionInfrastructure infrastructure,
                   TransactionTemplate transactions) {
        this.repository = repository;
        this.admin = admin;
        this.infrastructure = infrastructure;
        this.transactions = transactions;
    }

    /** A sample of the version taken now (a replay asked for a moment ago is never answered from an older one). */
    Progress progress(ModelVersion version) {
        return sample(version);
    }

    synchronized void sampleAll() {
        for (ModelVersion version : repository.all()) {
            try {
                sample(version);
            } catch (RuntimeException e) {
                log.debug("Cannot sample the replay of {}: {}", version.name(), e.toString());
            }
        }
    }

    private synchronized Progress sample(ModelVersion version) {
        return sample(version, true);
    }

    private Progress sample(ModelVersion version, boolean again) {
        Instant now = Instant.now();
        if (version.state() == State.RETIRED) {
            Progress p = new Progress(version.name(), version.state().json(), version.until(), 0, 0,
                    BigDecimal.ZERO, null, version.replayStartedAt(), version.caughtUpAt(), 0, 0, version.failure(), now);
            return p;
        }
        Map<Integer, Long[]> range = offsets();
        Map<Integer, Long> stored = repository.storedOffsets(version.lane(), infrastructure.topic());
        long total = 0;
        long done = 0;
        for (Map.Entry<Integer, Long[]> partition : range.entrySet()) {
            long earliest = partition.getValue()[0];
            long end = partition.getValue()[1];
            total += end - earliest;
            done += Math.min(end - earliest, Math.max(0, stored.getOrDefault(partition.getKey(), earliest) - earliest));
        }
        ProjectionStatus status = status(version.lane());
        State state = version.state();
        boolean replaying = state == State.QUEUED || state == State.REPLAYING || state == State.FAILED;
        boolean rebuilding = status != null && "REBUILDING".equals(status.state());
        Instant started = version.replayStartedAt() == null ? version.createdAt() : version.replayStartedAt();
        // Offsets count only once the lane's consumers started after the replay was asked for (a replay again
        // wipes them in the background: until then they are the previous pass's).
        boolean restarted = status != null && status.startedAt() != null && !status.startedAt().isBefore(started);
        if (replaying && status != null && !rebuilding && restarted) {
            // A lane's versions share its pass: they move together (only those of this pass, see moveLane).
            List<State> before = List.of(State.QUEUED, State.REPLAYING, State.FAILED);
            if (status.running() && done >= total && !range.isEmpty()) {
                double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
                String detail = String.format(java.util.Locale.ROOT, "%d events in %.1f s, %.0f events/s", done,
                        seconds, done / seconds);
                List<String> moved = transactions.execute(s -> {
                    List<String> names = new java.util.ArrayList<>(repository.moveLane(version.lane(),
                            version.replayStartedAt(), before, State.CAUGHT_UP, null, now));
                    java.util.Collections.sort(names);
                    names.forEach(name -> repository.record(name, "CAUGHT_UP", "system", now, names.size() == 1
                            ? detail : detail + " (one pass for " + String.join(", ", names) + ")"));
                    return names;
                });
                if (!moved.isEmpty()) {
                    log.info("Value model(s) {} caught up: {}", moved, detail);
                }
            } else if (status.consecutiveFailures() >= infrastructure.properties().getFailuresBeforeDown()) {
                String failure = status.lastError() != null ? status.lastError() : "its projection is not running";
                repository.moveLane(version.lane(), version.replayStartedAt(), List.of(State.QUEUED, State.REPLAYING),
                        State.FAILED, failure, null);
            } else if (done > 0) {
                repository.moveLane(version.lane(), version.replayStartedAt(), List.of(State.QUEUED, State.FAILED),
                        State.REPLAYING, null, null);
            }
        }
        if (replaying && !restarted) {
            done = 0; // the previous pass's offsets, about to be wiped
        }
        ModelVersion current = repository.find(version.name()).orElse(version);
        if (again && (current.state() == State.RETIRED
                || !Objects.equals(current.replayStartedAt(), version.replayStartedAt()))) {
            return sample(current, false); // retired or restarted meanwhile: sampled again as it is now
        }
        state = current.state();
        // The window is the lane's: every version of a lane shows the same rate.
        Deque<Sample> window = samples.computeIfAbsent(version.lane(), k -> new ArrayDeque<>());
        if (!window.isEmpty() && window.peekLast().done() > done) {
            window.clear(); // replayed again from the start
        }
        window.addLast(new Sample(now, done));
        while (window.size() > 2 && Duration.between(window.peekFirst().at(), now).compareTo(WINDOW) > 0) {
            window.removeFirst();
        }
        BigDecimal rate = BigDecimal.ZERO;
        Sample first = window.peekFirst();
        long millis = Duration.between(first.at(), now).toMillis();
        if (millis > 0 && done > first.done()) {
            rate = BigDecimal.valueOf((done - first.done()) * 1000.0 / millis).setScale(0, RoundingMode.HALF_UP);
        }
        Long eta = state == State.CAUGHT_UP ? Long.valueOf(0) : rate.signum() > 0
                ? Long.valueOf((long) Math.ceil((total - done) / rate.doubleValue())) : null;
        return new Progress(version.name(), state.json(), version.until(), done, total, rate, eta,
                current.replayStartedAt(), current.caughtUpAt(), Math.max(0, total - done),
                status == null ? 0 : status.parkedEvents(), current.failure(), now);
    }

    /** The lane's projection status; null when it is not registered (retired, or being restarted for a join). */
    private ProjectionStatus status(String lane) {
        try {
            return admin.names().contains(lane) ? admin.status(lane) : null;
        } catch (NotFoundException e) {
            return null; // unregistered between the two calls
        }
    }

    /** [earliest, end) offset per partition of the topic; empty when the broker does not answer. */
    private Map<Integer, Long[]> offsets() {
        try {
            if (kafka == null) {
                Map<String, Object> config = new HashMap<>();
                infrastructure.kafka().forEach((key, value) -> {
                    if (AdminClientConfig.configNames().contains(key)) {
                        config.put(key, value);
                    }
                });
                config.put(AdminClientConfig.CLIENT_ID_CONFIG, "analytics-replay-progress");
                kafka = Admin.create(config);
            }
            String topic = infrastructure.topic();
            TopicDescription description = kafka.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> end = new HashMap<>();
            description.partitions().forEach(p -> {
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                end.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            });
            Map<Integer, Long[]> range = new HashMap<>();
            kafka.listOffsets(earliest).all().get(5, TimeUnit.SECONDS)
                    .forEach((tp, info) -> range.put(tp.partition(), new Long[] {info.offset(), info.offset()}));
            kafka.listOffsets(end).all().get(5, TimeUnit.SECONDS)
                    .forEach((tp, info) -> range.get(tp.partition())[1] = info.offset());
            return range;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (Exception e) {
            log.debug("Kafka did not answer the replay progress: {}", e.toString());
            return Map.of();
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "analytics-replay-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sampleAll, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
        }
        if (kafka != null) {
            kafka.close(Duration.ofSeconds(5));
            kafka = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** After the projections start. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 500;
    }

}
