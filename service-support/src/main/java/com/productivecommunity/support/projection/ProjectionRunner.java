package com.productivecommunity.support.projection;

import com.productivecommunity.support.projection.ProjectionEngine.Input;
import com.productivecommunity.support.projection.ProjectionEngine.Outcome;
import com.productivecommunity.support.projection.ProjectionEngine.Result;
import com.productivecommunity.support.projection.ProjectionEngine.Work;
import com.productivecommunity.support.projection.ProjectionStore.StoredOffset;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchAcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs one projection on spring-kafka's listener container: a batch listener whose each poll is one database
 * transaction (see {@link ProjectionEngine}), {@code platform.projection.concurrency} consumers each owning
 * some partitions, seeks to the offsets stored in PostgreSQL on assignment (Kafka's committed offsets are
 * written only as a courtesy for tooling), and the container's error handler retrying transient faults with
 * back-off until they pass. {@link #stop()} returns only when every consumer thread has ended, however long
 * the batch in progress takes, so two consumers of one projection never run in one JVM.
 */
public final class ProjectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);

    private final Projection projection;
    private final ProjectionInfrastructure infrastructure;
    private final ProjectionProperties properties;
    private final ProjectionEngine engine;
    private final ProjectionStore store;
    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private final Counter appliedCounter;
    private final Counter skippedCounter;
    private final Counter parkedCounter;
    private final Counter gapCounter;
    private final Counter failureCounter;
    private final Timer batchTimer;

    private ConcurrentMessageListenerContainer<String, byte[]> container;
    private volatile Listener listener;
    private volatile CompletableFuture<Void> stopped = CompletableFuture.completedFuture(null);
    private volatile boolean running;
    private volatile boolean rebuilding;
    private ScheduledExecutorService monitor;
    private Admin kafkaAdmin;

    private volatile Instant startedAt;
    private volatile Instant lastBatchAt;
    private volatile Instant lastBrokerContactAt;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile String lastError;
    private final AtomicLong parked = new AtomicLong();

    public ProjectionRunner(Projection projection, ProjectionInfrastructure infrastructure) {
        this.projection = projection;
        this.infrastructure = infrastructure;
        this.properties = infrastructure.properties();
        this.topic = infrastructure.topic();
        this.store = new ProjectionStore(infrastructure.dataSource());
        this.engine = new ProjectionEngine(projection, topic, store,
                new TransactionTemplate(infrastructure.transactionManager()), properties);
        this.consumerConfig = new HashMap<>(infrastructure.kafka());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, projection.name());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.getMaxPollRecords());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        consumerConfig.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);

        registry = infrastructure.meters() == null ? new SimpleMeterRegistry() : infrastructure.meters();
        String name = projection.name();
        meters.add(Gauge.builder("projection.lag", this, ProjectionRunner::lag).tag("projection", name)
                .description("Records on the topic not yet handled by the projection").register(registry));
        meters.add(Gauge.builder("projection.parked", parked, AtomicLong::get).tag("projection", name)
                .description("Records parked and not yet applied, skipped or found redelivered").register(registry));
        appliedCounter = register(Counter.builder("projection.events.applied").tag("projection", name)
                .description("Events applied to the projection").register(registry));
        skippedCounter = register(Counter.builder("projection.events.skipped").tag("projection", name)
                .description("Redelivered events recognised and skipped").register(registry));
        parkedCounter = register(Counter.builder("projection.events.parked").tag("projection", name)
                .description("Records parked (failed, undecodable, or held behind a parked record or a gap)")
                .register(registry));
        gapCounter = register(Counter.builder("projection.sequence.gaps").tag("projection", name)
                .description("Events held because an earlier event of their aggregate has not arrived")
                .register(registry));
        failureCounter = register(Counter.builder("projection.batch.failures").tag("projection", name)
                .description("Batch attempts that failed on a transient fault and were retried").register(registry));
        batchTimer = register(Timer.builder("projection.batch").tag("projection", name)
                .description("Time to apply and commit one batch").register(registry));
        if (infrastructure.positions() != null && projection.readYourWrites()) {
            infrastructure.positions().register(name);
        }
    }

    /** The constructor of the hand-written consumer this replaced, for tests that build a runner alone. */
    public ProjectionRunner(Projection projection, DataSource dataSource, PlatformTransactionManager transactionManager,
                            Map<String, Object> kafkaConfig, String topic, ProjectionProperties properties,
                            ProjectionPositions positions, MeterRegistry meters) {
        this(projection, new ProjectionInfrastructure(dataSource, transactionManager, kafkaConfig, topic, properties,
                positions, meters));
    }

    private <M extends Meter> M register(M meter) {
        meters.add(meter);
        return meter;
    }

    public String name() {
        return projection.name();
    }

    public Projection projection() {
        return projection;
    }

    ProjectionEngine engine() {
        return engine;
    }

    ProjectionInfrastructure infrastructure() {
        return infrastructure;
    }

    /**
     * Starts the consumers; if a previous stop is still waiting for its batch, waits for it first: a new
     * consumer never runs beside an old one.
     */
    public synchronized void start() {
        if (container != null) {
            return;
        }
        awaitStopped(stopped);
        consecutiveFailures.set(0);
        lastError = null;
        Listener fresh = new Listener();
        ConsumerThreads threads = new ConsumerThreads(name());
        ContainerProperties containerProperties = new ContainerProperties(topic);
        containerProperties.setGroupId(name());
        containerProperties.setClientId("projection-" + name());
        containerProperties.setAckMode(ContainerProperties.AckMode.MANUAL);
        containerProperties.setSyncCommits(false); // Kafka's offsets are a courtesy: PostgreSQL holds the truth
        containerProperties.setPollTimeout(properties.getPollTimeout().toMillis());
        containerProperties.setMessageListener(fresh);
        containerProperties.setListenerTaskExecutor(threads);
        containerProperties.setMicrometerEnabled(false);
        containerProperties.setObservationEnabled(false);
        ConcurrentMessageListenerContainer<String, byte[]> created = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer()),
                containerProperties);
        created.setConcurrency(properties.getConcurrency());
        created.setBeanName("projection-" + name());
        created.setCommonErrorHandler(errorHandler());
        fresh.threads = threads;
        listener = fresh;
        container = created;
        startedAt = Instant.now();
        running = true;
        startMonitor();
        created.start();
        log.info("Projection {}: started ({} consumer(s) on {})", name(), properties.getConcurrency(), topic);
    }

    /**
     * A transient fault escapes the listener; the container retries the same records with back-off, polling
     * while paused so the consumer stays in its group, until it passes or the container stops.
     */
    private DefaultErrorHandler errorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.getRetryBackoffInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.getRetryBackoffMax().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> log.error(
                "Projection {}: gave up retrying {}-{}@{}; it is read again from the stored offsets", name(),
                record.topic(), record.partition(), record.offset(), e), backOff);
        handler.setClassifications(Map.of(), true);
        handler.setAckAfterHandle(false);
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    /** Stops the consumers and waits until every consumer thread has ended, however long its batch takes. */
    public void stop() {
        awaitStopped(stopAsync());
    }

    /** Asks the consumers to stop after their batch in progress; completes when every consumer thread has ended. */
    public synchronized CompletableFuture<Void> stopAsync() {
        ConcurrentMessageListenerContainer<String, byte[]> current = container;
        if (current == null) {
            return stopped;
        }
        Listener stopping = listener;
        stopping.stopping = true;
        running = false;
        container = null;
        CompletableFuture<Void> containerStopped = new CompletableFuture<>();
        current.stop(() -> containerStopped.complete(null));
        stopped = containerStopped.thenCompose(done -> stopping.threads.allDone()).thenRun(() -> {
            stopping.partitions.clear();
            log.info("Projection {}: stopped", name());
        });
        stopMonitor();
        return stopped;
    }

    private void awaitStopped(CompletableFuture<Void> future) {
        while (true) {
            try {
                future.get(properties.getStopWarnInterval().toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                log.warn("Projection {}: still waiting for the batch in progress to end before the consumer is gone",
                        name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for projection " + name() + " to stop", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** True from {@link #start()} until {@link #stop()} is asked for. */
    public boolean isRunning() {
        return running;
    }

    /** True while a consumer thread of this projection is alive (after a stop: until its batch ended). */
    public boolean hasLiveConsumers() {
        Listener current = listener;
        return current != null && current.threads != null && current.threads.alive() > 0;
    }

    void rebuilding(boolean rebuilding) {
        this.rebuilding = rebuilding;
    }

    /** Records on the topic not yet handled, over this instance's assigned partitions. */
    public long lag() {
        Listener current = listener;
        if (current == null || !running) {
            return 0;
        }
        long lag = 0;
        for (PartitionState state : current.partitions.values()) {
            lag += state.lag();
        }
        return lag;
    }

    public ProjectionStatus status() {
        Listener current = listener;
        List<Integer> assigned = current == null || !running ? List.of()
                : current.partitions.keySet().stream().map(TopicPartition::partition).sorted().toList();
        String state = rebuilding ? "REBUILDING" : running ? "RUNNING" : stopped.isDone() ? "STOPPED" : "STOPPING";
        return new ProjectionStatus(name(), state, running, lag(), (long) appliedCounter.count(), parked.get(),
                consecutiveFailures.get(), lastError, startedAt, lastBatchAt, lastBrokerContactAt, assigned);
    }

    /** Removes this projection's meters (after it is unregistered). */
    void close() {
        meters.forEach(registry::remove);
        if (infrastructure.positions() != null) {
            infrastructure.positions().unregister(name());
        }
    }

    // ---------------------------------------------------------------- monitoring

    private void startMonitor() {
        monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-" + name() + "-monitor");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(50, properties.getLagRefreshInterval().toMillis());
        monitor.scheduleWithFixedDelay(this::refresh, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void stopMonitor() {
        ScheduledExecutorService current = monitor;
        monitor = null;
        if (current != null) {
            current.shutdownNow();
        }
        Admin admin = kafkaAdmin;
        kafkaAdmin = null;
        if (admin != null) {
            CompletableFuture.runAsync(() -> admin.close(Duration.ofSeconds(5)));
        }
    }

    /** Reads the end offsets (lag and broker liveness) and the projection's parked count. */
    private void refresh() {
        try {
            parked.set(store.countParked(name()));
        } catch (RuntimeException e) {
            log.debug("Projection {}: cannot count parked records: {}", name(), e.getMessage());
        }
        try {
            if (kafkaAdmin == null) {
                Map<String, Object> config = new HashMap<>();
                consumerConfig.forEach((key, value) -> {
                    if (AdminClientConfig.configNames().contains(key)) {
                        config.put(key, value);
                    }
                });
                config.put(AdminClientConfig.CLIENT_ID_CONFIG, "projection-" + name() + "-monitor");
                kafkaAdmin = Admin.create(config);
            }
            Listener current = listener;
            Collection<TopicPartition> assigned = current == null ? List.of() : List.copyOf(current.partitions.keySet());
            if (assigned.isEmpty()) {
                kafkaAdmin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            } else {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                assigned.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                kafkaAdmin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((partition, info) -> {
                    PartitionState state = current.partitions.get(partition);
                    if (state != null) {
                        state.endOffset = info.offset();
                    }
                });
            }
            lastBrokerContactAt = Instant.now();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.debug("Projection {}: Kafka did not answer: {}", name(), e.toString());
        }
    }

    long parkedCount() {
        return parked.get();
    }

    /** After an operator's action committed: counters, read-your-writes, the projection's afterCommit. */
    void operatorCommitted(Result result) {
        committed(result);
    }

    private void committed(Result result) {
        appliedCounter.increment(result.applied().size());
        skippedCounter.increment(result.redelivered());
        long newlyParkedRecords = result.newlyParked().stream().filter(outcome -> outcome.input.parked == null).count();
        parkedCounter.increment(newlyParkedRecords);
        gapCounter.increment(result.newlyParked().stream().filter(outcome -> outcome.reason == ParkReason.GAP).count());
        parked.addAndGet(newlyParkedRecords - result.resolved());
        if (parked.get() < 0) {
            parked.set(0);
        }
        for (Outcome outcome : result.newlyParked()) {
            logParked(outcome);
        }
        Map<String, Long> highWaterMarks = new HashMap<>();
        for (Work work : result.works()) {
            highWaterMarks.putAll(work.positions());
        }
        if (infrastructure.positions() != null && !highWaterMarks.isEmpty()) {
            infrastructure.positions().applied(name(), highWaterMarks);
        }
        if (!result.applied().isEmpty()) {
            try {
                projection.afterCommit(result.applied());
            } catch (RuntimeException e) {
                log.warn("Projection {}: afterCommit failed (the batch itself is committed)", name(), e);
            }
        }
    }

    private void logParked(Outcome outcome) {
        Input input = outcome.input;
        var known = engine.decoded(input).known();
        String where = topic + "-" + input.partition + "@" + input.offset;
        String what = "key " + input.key + ", aggregate " + known.aggregateId() + ", sequence " + known.sequence()
                + ", event " + known.eventId() + " (" + known.type() + ")";
        if (outcome.reason == ParkReason.BEHIND || outcome.reason == ParkReason.GAP) {
            log.error("PARKED: projection {} holds the record at {} ({}): {} {}", name(), where, what, outcome.reason,
                    outcome.waitingFor);
        } else {
            log.error("PARKED: projection {} cannot apply the record at {} ({}): {}: {}\n{}", name(), where, what,
                    outcome.reason, outcome.errorMessage, outcome.errorStack == null ? "" : outcome.errorStack);
        }
    }

    // ---------------------------------------------------------------- the listener

    /** The batch listener of one container generation; shared by its consumers, which own distinct partitions. */
    private final class Listener implements BatchAcknowledgingConsumerAwareMessageListener<String, byte[]>,
            ConsumerSeekAware {

        final Map<TopicPartition, PartitionState> partitions = new ConcurrentHashMap<>();
        volatile boolean stopping;
        ConsumerThreads threads;

        @Override
        public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
            Map<Integer, StoredOffset> stored;
            boolean anyPositions;
            try {
                stored = store.offsets(name(), topic);
                anyPositions = store.hasPositions(name());
            } catch (RuntimeException e) {
                // Loaded (and sought) by the first batch instead, which retries until the database answers.
                log.warn("Projection {}: cannot read the stored offsets on assignment of {}: {}", name(),
                        assignments.keySet(), e.getMessage());
                assignments.keySet().forEach(partitions::remove);
                return;
            }
            for (TopicPartition partition : assignments.keySet()) {
                PartitionState state;
                try {
                    state = load(partition.partition(), stored.get(partition.partition()), anyPositions);
                } catch (RuntimeException e) {
                    log.warn("Projection {}: cannot load {} on assignment: {}", name(), partition, e.getMessage());
                    partitions.remove(partition);
                    continue;
                }
                partitions.put(partition, state);
                if (state.nextOffset == null) {
                    callback.seekToBeginning(partition.topic(), partition.partition());
                } else {
                    callback.seek(partition.topic(), partition.partition(), state.nextOffset);
                }
            }
            log.info("Projection {}: assigned {}, resuming at stored offsets {}", name(), assignments.keySet(), stored);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            revoked.forEach(partitions::remove);
        }

        @Override
        public void onMessage(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment,
                              Consumer<?, ?> consumer) {
            if (stopping || records.isEmpty()) {
                return; // left for the next consumer, from the stored offsets
            }
            Timer.Sample sample = Timer.start();
            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                        partition -> new ArrayList<>()).add(record);
            }
            Set<TopicPartition> assigned = consumer.assignment();
            List<Work> works = new ArrayList<>();
            boolean complete = true;
            try {
                for (Map.Entry<TopicPartition, List<ConsumerRecord<String, byte[]>>> entry : byPartition.entrySet()) {
                    TopicPartition partition = entry.getKey();
                    if (!assigned.contains(partition)) {
                        complete = false;
                        continue; // revoked while the container retried this batch
                    }
                    PartitionState state = partitions.get(partition);
                    if (state == null) {
                        // Not loaded on assignment (the database did not answer): position the consumer now.
                        state = load(partition.partition(), store.offsets(name(), topic).get(partition.partition()),
                                store.hasPositions(name()));
                        partitions.put(partition, state);
                        seek(consumer, partition, state);
                        complete = false;
                        continue;
                    }
                    List<Input> inputs = contiguous(partition, state, entry.getValue(), consumer);
                    if (inputs == null) {
                        complete = false;
                    } else if (!inputs.isEmpty()) {
                        works.add(engine.work(state, inputs));
                    }
                }
                if (!works.isEmpty()) {
                    Result result = engine.process(works, () -> { }, this::storeOffsets, () -> stopping);
                    lastBatchAt = Instant.now();
                    consecutiveFailures.set(0);
                    lastError = null;
                    remember(result);
                    committed(result);
                }
                if (complete) {
                    acknowledgment.acknowledge();
                }
            } catch (ConcurrentProjectionUpdateException e) {
                log.info("Projection {}: {}", name(), e.getMessage());
                resumeFromStored(works, consumer);
            } catch (ProjectionEngine.BatchAbandonedException e) {
                log.info("Projection {}: stopping; the batch in progress was rolled back", name());
            } catch (RuntimeException e) {
                int failures = consecutiveFailures.incrementAndGet();
                failureCounter.increment();
                lastError = (TransientFaults.isTransient(e) ? "Database unreachable: " : "Batch failed: ")
                        + RecordDecoder.rootMessage(e);
                if (failures == 1 || failures % 10 == 0) {
                    log.warn("Projection {}: batch of {} records failed (attempt {}), retried with back-off: {}",
                            name(), records.size(), failures, e.toString());
                }
                throw e;
            } finally {
                sample.stop(batchTimer);
            }
        }

        /**
         * The records that follow the stored offset: earlier ones are already applied (dropped); a batch that
         * starts past it (the consumer was not positioned there) is sought back once, and null returned.
         */
        private List<Input> contiguous(TopicPartition partition, PartitionState state,
                                       List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
            Long next = state.nextOffset;
            List<Input> inputs = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                if (next == null || record.offset() >= next) {
                    inputs.add(new Input(record.partition(), record.offset(), record.key(), record.value(), null));
                }
            }
            if (next != null && !inputs.isEmpty() && inputs.get(0).offset > next) {
                if (state.soughtTo != next) {
                    state.soughtTo = next;
                    log.warn("Projection {}: {} delivered from offset {} but {} is stored; seeking back", name(),
                            partition, inputs.get(0).offset, next);
                    consumer.seek(partition, next);
                    return null;
                }
                log.error("Projection {}: offsets {} to {} of {} are no longer on the topic (retention?); going on"
                        + " from {}", name(), next, inputs.get(0).offset - 1, partition, inputs.get(0).offset);
            }
            return inputs;
        }

        private Map<Integer, Long> storeOffsets(List<Work> works) {
            Map<Integer, StoredOffset> expected = new HashMap<>();
            Map<Integer, Long> next = new HashMap<>();
            for (Work work : works) {
                PartitionState state = work.base;
                next.put(state.partition, work.inputs.get(work.inputs.size() - 1).offset + 1);
                if (state.nextOffset != null) {
                    expected.put(state.partition, new StoredOffset(state.nextOffset, state.version));
                }
            }
            return store.advanceOffsets(name(), topic, expected, next);
        }

        /** Brings the partitions' caches up to the committed batch. */
        private void remember(Result result) {
            for (Work work : result.works()) {
                PartitionState state = work.base;
                state.positions.putAll(work.prefetched());
                state.positions.putAll(work.positions());
                if (state.positions.size() > properties.getPositionCacheSize()) {
                    state.positions.clear();
                    state.complete = false;
                }
                state.held = work.held();
                state.parkedEvents = work.parkedEvents();
                state.nextOffset = work.inputs.get(work.inputs.size() - 1).offset + 1;
                state.version = result.versions().get(state.partition);
            }
        }

        private void resumeFromStored(List<Work> works, Consumer<?, ?> consumer) {
            Map<Integer, StoredOffset> stored = store.offsets(name(), topic);
            boolean anyPositions = store.hasPositions(name());
            for (Work work : works) {
                TopicPartition partition = new TopicPartition(topic, work.partition());
                PartitionState state = load(work.partition(), stored.get(work.partition()), anyPositions);
                partitions.put(partition, state);
                seek(consumer, partition, state);
            }
        }

        private void seek(Consumer<?, ?> consumer, TopicPartition partition, PartitionState state) {
            if (state.nextOffset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, state.nextOffset);
            }
        }
    }

    /** A partition's state as stored: offset and version, holds from its open parked records. */
    private PartitionState load(int partition, StoredOffset stored, boolean anyPositions) {
        PartitionState state = new PartitionState(partition);
        if (stored != null) {
            state.nextOffset = stored.nextOffset();
            state.version = stored.version();
        }
        // Nothing stored for the partition and no position of the projection at all (a first run or a rebuild):
        // every aggregate of the partition is new, so no batch needs to read positions.
        state.complete = stored == null && !anyPositions;
        state.holdFrom(store.openParked(name(), topic, partition, false));
        return state;
    }

    /** Runs the container's consumers on threads it can tell are gone, not merely asked to stop. */
    private static final class ConsumerThreads implements AsyncTaskExecutor {
        private final String name;
        private final AtomicInteger count = new AtomicInteger();
        private final List<CompletableFuture<Void>> done = new ArrayList<>();

        ConsumerThreads(String name) {
            this.name = name;
        }

        @Override
        public synchronized void execute(Runnable task) {
            CompletableFuture<Void> finished = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    task.run();
                } finally {
                    finished.complete(null);
                }
            }, "projection-" + name + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            done.add(finished);
            thread.start();
        }

        synchronized CompletableFuture<Void> allDone() {
            return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
        }

        synchronized int alive() {
            return (int) done.stream().filter(future -> !future.isDone()).count();
        }
    }
}
