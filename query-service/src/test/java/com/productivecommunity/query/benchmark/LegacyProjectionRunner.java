package com.productivecommunity.query.benchmark;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.Projection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
import java.util.concurrent.ConcurrentHashMap;
import java.sql.Array;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FROZEN COPY, for the replay benchmark's "before" figures only: the hand-written consumer loop that
 * service-support's projection machinery had before it moved to spring-kafka's listener container (main at
 * 8806b85, ProjectionRunner and ProjectionStore), with the read-your-writes and status hooks removed. No
 * service uses it. Do not fix or extend it: it is what is measured against.
 *
 * <p>Runs one projection: a thread with its own {@link KafkaConsumer} that applies each poll as one
 * database transaction holding the projection's rows, the per-aggregate high-water marks and the next
 * offsets. On assignment it seeks to the stored offsets (Kafka's committed offsets are only a courtesy
 * for tooling). A failed batch is rolled back, re-read and retried with backoff; after a failure the
 * records are retried one per transaction, so a poison event is named in the log and the events before
 * it are not held back. A poison event is never skipped: it blocks its partition until it is fixed.
 */
final class LegacyProjectionRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyProjectionRunner.class);

    private final Projection projection;
    private final LegacyStore store;
    private final TransactionTemplate transactions;
    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final Tuning properties;
        private final EventCodec codec = new EventCodec();

    private final Counter appliedCounter;
    private final Counter skippedCounter;
    private final Counter failureCounter;
    private final Counter gapCounter;
    private final Timer batchTimer;

    private final Object lifecycle = new Object();
    private Thread thread;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;

    /** Next offset to apply per assigned partition; those read from the database are also in {@link #stored}. */
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> stored = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();
    /** After a failed batch: the last offset per partition to retry one record at a time. */
    private final Map<TopicPartition, Long> isolateUpTo = new HashMap<>();

    private volatile Instant startedAt;
    private volatile Instant lastPollAt;
    private volatile Instant lastBrokerContactAt;
    private volatile Instant lastLagRefresh = Instant.EPOCH;
    private volatile int consecutiveFailures;
    private volatile String lastError;

    /** The tuning the old loop read from platform.projection.*, with its defaults. */
    record Tuning(int getMaxPollRecords, Duration getPollTimeout, Duration getRetryBackoffInitial,
                  Duration getRetryBackoffMax, Duration getLagRefreshInterval) {
        static Tuning defaults() {
            return new Tuning(1000, Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(30),
                    Duration.ofSeconds(1));
        }
    }

    LegacyProjectionRunner(Projection projection, DataSource dataSource, PlatformTransactionManager transactionManager,
                           Map<String, Object> kafkaConfig, String topic, Tuning properties, MeterRegistry meters) {
        this.projection = projection;
        this.store = new LegacyStore(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.topic = topic;
        this.properties = properties;
        this.consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, projection.name());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.getMaxPollRecords());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        consumerConfig.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);

        MeterRegistry registry = meters == null ? new SimpleMeterRegistry() : meters;
        String name = projection.name();
        Gauge.builder("projection.lag", this, LegacyProjectionRunner::lag)
                .description("Events on the topic not yet applied by the projection").tag("projection", name)
                .register(registry);
        appliedCounter = Counter.builder("projection.events.applied").tag("projection", name)
                .description("Events applied to the projection").register(registry);
        skippedCounter = Counter.builder("projection.events.skipped").tag("projection", name)
                .description("Redelivered events recognised and skipped").register(registry);
        failureCounter = Counter.builder("projection.batch.failures").tag("projection", name)
                .description("Batches rolled back and retried").register(registry);
        gapCounter = Counter.builder("projection.sequence.gaps").tag("projection", name)
                .description("Events applied although an earlier event of their aggregate never arrived")
                .register(registry);
        batchTimer = Timer.builder("projection.batch").tag("projection", name)
                .description("Time to apply and commit one batch").register(registry);
    }

    public String name() {
        return projection.name();
    }

    public Projection projection() {
        return projection;
    }

    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            startedAt = Instant.now();
            consecutiveFailures = 0;
            lastError = null;
            thread = new Thread(this::run, "projection-" + name());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops the consumer after the batch in progress (committed or rolled back) and waits for it. */
    public void stop() {
        Thread stopping;
        synchronized (lifecycle) {
            running = false;
            lifecycle.notifyAll();
            stopping = thread;
            thread = null;
        }
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (stopping != null && stopping != Thread.currentThread()) {
            try {
                stopping.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Events on the topic not yet applied, over the assigned partitions. */
    public long lag() {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            Long position = next.get(end.getKey());
            if (position != null) {
                lag += Math.max(0, end.getValue() - position);
            }
        }
        return lag;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka =
                         new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                kafka.subscribe(List.of(topic), new SeekToStoredOffsets(kafka));
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(properties.getPollTimeout());
                    lastPollAt = Instant.now();
                    if (!records.isEmpty()) {
                        process(kafka, records);
                    }
                    refreshEnds(kafka);
                }
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (RuntimeException e) {
                lastError = "Consumer failed: " + e;
                log.error("Projection {}: the Kafka consumer failed; it is recreated after a pause", name(), e);
                pause(backoff(++consecutiveFailures));
            } finally {
                consumer = null;
                next.clear();
                stored.clear();
                ends.clear();
                isolateUpTo.clear();
            }
        }
    }

    private void process(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            all.addAll(records.records(partition));
        }
        int from = 0;
        while (from < all.size() && running) {
            int to = isolateUpTo.isEmpty() ? all.size() : from + 1;
            List<ConsumerRecord<String, byte[]>> chunk = all.subList(from, to);
            try {
                applyChunk(chunk);
                consecutiveFailures = 0;
                lastError = null;
                for (ConsumerRecord<String, byte[]> record : chunk) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long limit = isolateUpTo.get(partition);
                    if (limit != null && record.offset() >= limit) {
                        isolateUpTo.remove(partition);
                    }
                }
                commitToKafkaForTooling(kafka);
                from = to;
            } catch (ConcurrentProjectionUpdateException e) {
                // Not a failing event: another consumer of this projection moved the offsets. Resume from them.
                lastError = e.getMessage();
                log.warn("Projection {}: {}", name(), e.getMessage());
                resumeFromStoredOffsets(kafka);
                pause(properties.getRetryBackoffInitial().toMillis());
                return;
            } catch (RuntimeException e) {
                failed(chunk, e);
                seekBack(kafka, all.subList(from, all.size()));
                pause(backoff(consecutiveFailures));
                return;
            }
        }
        if (from < all.size()) {
            seekBack(kafka, all.subList(from, all.size()));
        }
    }

    private void applyChunk(List<ConsumerRecord<String, byte[]>> records) {
        List<ProjectedEvent> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            decoded.add(decode(record));
        }
        Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        Timer.Sample sample = Timer.start();
        Batch batch = transactions.execute(status -> applyInTransaction(decoded, nextOffsets));
        sample.stop(batchTimer);

        stored.putAll(nextOffsets);
        next.putAll(nextOffsets);
        appliedCounter.increment(batch.fresh().size());
        skippedCounter.increment(decoded.size() - batch.fresh().size());
        gapCounter.increment(batch.gaps());
        if (!batch.fresh().isEmpty()) {
            try {
                projection.afterCommit(batch.fresh());
            } catch (RuntimeException e) {
                log.warn("Projection {}: afterCommit failed (the batch itself is committed)", name(), e);
            }
        }
    }

    private Batch applyInTransaction(List<ProjectedEvent> decoded, Map<TopicPartition, Long> nextOffsets) {
        Set<String> aggregateIds = new java.util.HashSet<>();
        decoded.forEach(event -> aggregateIds.add(event.aggregateId()));
        Map<String, Long> applied = store.positions(name(), aggregateIds);
        Map<String, Long> changed = new HashMap<>();
        List<ProjectedEvent> fresh = new ArrayList<>(decoded.size());
        int gaps = 0;
        for (ProjectedEvent event : decoded) {
            long last = applied.getOrDefault(event.aggregateId(), -1L);
            if (event.sequence() > last + 1) {
                // The publisher sends each aggregate's events in order, so a hole means an event was lost
                // upstream (docs/stack-notes.md pitfall 3). Applying the rest keeps the projection live; the
                // counter and the log make the loss visible to an operator instead of silent.
                gaps++;
                log.error("Projection {}: {} sequence {} arrived but {} was never applied (topic {}-{}@{})", name(),
                        event.aggregateId(), event.sequence(), last + 1, topic, event.partition(), event.offset());
            }
            // A redelivery (same aggregate event at a later offset) is at or below the high-water mark: skip it.
            if (event.sequence() > last) {
                fresh.add(event);
                applied.put(event.aggregateId(), event.sequence());
                changed.put(event.aggregateId(), event.sequence());
            }
        }
        if (!fresh.isEmpty()) {
            projection.apply(List.copyOf(fresh));
        }
        store.savePositions(name(), changed);
        Map<Integer, Long> expected = new HashMap<>();
        Map<Integer, Long> target = new HashMap<>();
        nextOffsets.forEach((partition, offset) -> {
            target.put(partition.partition(), offset);
            Long previous = stored.get(partition);
            if (previous != null) {
                expected.put(partition.partition(), previous);
            }
        });
        store.advanceOffsets(name(), topic, expected, target);
        return new Batch(fresh, changed, gaps);
    }

    private ProjectedEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope envelope = codec.read(record.value());
            CommunityEvent event = codec.event(envelope);
            return new ProjectedEvent(envelope, event, record.partition(), record.offset());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot decode the record at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + " (key " + record.key() + "): " + e.getMessage(), e);
        }
    }

    private void failed(List<ConsumerRecord<String, byte[]>> chunk, RuntimeException e) {
        consecutiveFailures++;
        failureCounter.increment();
        ConsumerRecord<String, byte[]> first = chunk.get(0);
        ConsumerRecord<String, byte[]> last = chunk.get(chunk.size() - 1);
        String where = chunk.size() == 1
                ? "the event at " + first.topic() + "-" + first.partition() + "@" + first.offset()
                  + " (key " + first.key() + ")"
                : chunk.size() + " events from " + first.topic() + "-" + first.partition() + "@" + first.offset()
                  + " to " + last.topic() + "-" + last.partition() + "@" + last.offset();
        lastError = where + ": " + e;
        if (chunk.size() == 1) {
            log.error("POISON EVENT: projection {} cannot apply {} (attempt {}); it is rolled back and retried, "
                    + "its partition is blocked until it applies", name(), where, consecutiveFailures, e);
        } else {
            log.error("Projection {} failed to apply {} (attempt {}); rolled back, retrying one event per "
                    + "transaction to find the failing one", name(), where, consecutiveFailures, e);
            for (ConsumerRecord<String, byte[]> record : chunk) {
                isolateUpTo.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
            }
        }
    }

    private void resumeFromStoredOffsets(KafkaConsumer<String, byte[]> kafka) {
        Map<Integer, Long> offsets = store.offsets(name(), topic);
        isolateUpTo.clear();
        for (TopicPartition partition : kafka.assignment()) {
            Long offset = offsets.get(partition.partition());
            if (offset != null) {
                kafka.seek(partition, offset);
                stored.put(partition, offset);
                next.put(partition, offset);
            }
        }
    }

    private void seekBack(KafkaConsumer<String, byte[]> kafka, List<ConsumerRecord<String, byte[]>> unapplied) {
        Map<TopicPartition, Long> firsts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : unapplied) {
            firsts.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        firsts.forEach(kafka::seek);
    }

    private void commitToKafkaForTooling(KafkaConsumer<String, byte[]> kafka) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        stored.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        kafka.commitAsync(offsets, null);
    }

    private void refreshEnds(KafkaConsumer<String, byte[]> kafka) {
        Instant now = Instant.now();
        if (Duration.between(lastLagRefresh, now).compareTo(properties.getLagRefreshInterval()) < 0) {
            return;
        }
        lastLagRefresh = now;
        try {
            Set<TopicPartition> assigned = kafka.assignment();
            if (assigned.isEmpty()) {
                kafka.listTopics(Duration.ofSeconds(5));
            } else {
                ends.putAll(kafka.endOffsets(assigned, Duration.ofSeconds(5)));
                ends.keySet().retainAll(assigned);
            }
            lastBrokerContactAt = Instant.now();
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            lastError = "Kafka did not answer: " + e.getMessage();
            log.warn("Projection {}: Kafka did not answer ({})", name(), e.getMessage());
        }
    }

    private long backoff(int failures) {
        long initial = properties.getRetryBackoffInitial().toMillis();
        long max = properties.getRetryBackoffMax().toMillis();
        long pause = initial << Math.min(Math.max(failures - 1, 0), 20);
        return Math.min(pause, max);
    }

    private void pause(long millis) {
        synchronized (lifecycle) {
            long until = System.currentTimeMillis() + millis;
            while (running) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                try {
                    lifecycle.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private record Batch(List<ProjectedEvent> fresh, Map<String, Long> highWaterMarks, int gaps) {
    }

    /** Seeks newly assigned partitions to the offsets stored with the projection (or the beginning). */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> kafka;

        SeekToStoredOffsets(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<Integer, Long> offsets = store.offsets(name(), topic);
            List<TopicPartition> fromStart = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                Long offset = offsets.get(partition.partition());
                if (offset == null) {
                    fromStart.add(partition);
                    stored.remove(partition);
                } else {
                    kafka.seek(partition, offset);
                    stored.put(partition, offset);
                    next.put(partition, offset);
                }
            }
            if (!fromStart.isEmpty()) {
                kafka.seekToBeginning(fromStart);
                kafka.beginningOffsets(fromStart).forEach(next::put);
            }
            kafka.endOffsets(partitions).forEach((partition, end) -> {
                Long resumeAt = stored.get(partition);
                if (resumeAt != null && resumeAt > end) {
                    // The topic is shorter than what was applied: it was recreated, or the wrong cluster.
                    lastError = "Stored offset " + resumeAt + " is beyond the end (" + end + ") of " + partition
                            + ": the topic was recreated? Rebuild the projection.";
                    log.error("Projection {}: {}", name(), lastError);
                }
            });
            lastLagRefresh = Instant.EPOCH;
            log.info("Projection {}: assigned {}, resuming at stored offsets {}", name(), partitions, offsets);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> {
                next.remove(partition);
                stored.remove(partition);
                ends.remove(partition);
                isolateUpTo.remove(partition);
            });
        }
    }

    private static final class LegacyStore {

        private final JdbcTemplate jdbc;

        LegacyStore(DataSource dataSource) {
            this.jdbc = new JdbcTemplate(dataSource);
        }

        Map<Integer, Long> offsets(String projection, String topic) {
            Map<Integer, Long> offsets = new HashMap<>();
            jdbc.query("SELECT partition, next_offset FROM projection_offset WHERE projection = ? AND topic = ?",
                    rs -> {
                        offsets.put(rs.getInt(1), rs.getLong(2));
                    }, projection, topic);
            return offsets;
        }

        Map<String, Long> positions(String projection, Collection<String> aggregateIds) {
            Map<String, Long> positions = new HashMap<>();
            if (aggregateIds.isEmpty()) {
                return positions;
            }
            jdbc.query(con -> {
                // A join with unnest, not "aggregate_id = ANY (?)": with that, and no statistics yet (a rebuild fills the
                // table faster than autovacuum analyses it), PostgreSQL scanned every row of the projection and compared
                // it with each id of the array: 0.5-1 s per batch after 100,000 events (benchmarks/RESULTS.md).
                var statement = con.prepareStatement("SELECT p.aggregate_id, p.last_sequence FROM unnest(?::text[]) AS a(id)"
                        + " JOIN projection_aggregate_position p ON p.projection = ? AND p.aggregate_id = a.id");
                Array ids = con.createArrayOf("text", aggregateIds.toArray());
                statement.setArray(1, ids);
                statement.setString(2, projection);
                return statement;
            }, rs -> {
                positions.put(rs.getString(1), rs.getLong(2));
            });
            return positions;
        }

        /** The sequences of {@code aggregateId} that the given projections have applied. */
        Map<String, Long> appliedBy(Collection<String> projections, String aggregateId) {
            Map<String, Long> applied = new HashMap<>();
            jdbc.query(con -> {
                var statement = con.prepareStatement("SELECT projection, last_sequence FROM projection_aggregate_position"
                        + " WHERE aggregate_id = ? AND projection = ANY (?)");
                statement.setString(1, aggregateId);
                statement.setArray(2, con.createArrayOf("text", projections.toArray()));
                return statement;
            }, rs -> {
                applied.put(rs.getString(1), rs.getLong(2));
            });
            return applied;
        }

        void savePositions(String projection, Map<String, Long> positions) {
            if (positions.isEmpty()) {
                return;
            }
            String[] ids = new String[positions.size()];
            Long[] sequences = new Long[positions.size()];
            int i = 0;
            for (Map.Entry<String, Long> position : positions.entrySet()) {
                ids[i] = position.getKey();
                sequences[i++] = position.getValue();
            }
            // One statement for the whole batch: arrays instead of a row per aggregate.
            jdbc.update(con -> {
                var statement = con.prepareStatement("INSERT INTO projection_aggregate_position"
                        + " (projection, aggregate_id, last_sequence) SELECT ?, a, s FROM unnest(?::text[], ?::bigint[]) AS t(a, s)"
                        + " ON CONFLICT (projection, aggregate_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence");
                statement.setString(1, projection);
                statement.setArray(2, con.createArrayOf("text", ids));
                statement.setArray(3, con.createArrayOf("bigint", sequences));
                return statement;
            });
        }

        /**
         * Moves the stored offsets from {@code expected} (absent = none stored yet) to {@code next}. Fails if
         * another consumer of the same projection moved them meanwhile, so two instances never both apply a batch.
         */
        void advanceOffsets(String projection, String topic, Map<Integer, Long> expected, Map<Integer, Long> next) {
            next.forEach((partition, offset) -> {
                Long previous = expected.get(partition);
                int updated = previous == null
                        ? jdbc.update("INSERT INTO projection_offset (projection, topic, partition, next_offset)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", projection, topic, partition, offset)
                        : jdbc.update("UPDATE projection_offset SET next_offset = ?, updated_at = now()"
                                + " WHERE projection = ? AND topic = ? AND partition = ? AND next_offset = ?",
                                offset, projection, topic, partition, previous);
                if (updated != 1) {
                    List<Long> found = jdbc.queryForList("SELECT next_offset FROM projection_offset"
                            + " WHERE projection = ? AND topic = ? AND partition = ?", Long.class, projection, topic, partition);
                    throw new ConcurrentProjectionUpdateException("Offsets of " + projection + " moved: " + found);
                }
            });
        }

        void forget(String projection) {
            jdbc.update("DELETE FROM projection_offset WHERE projection = ?", projection);
            jdbc.update("DELETE FROM projection_aggregate_position WHERE projection = ?", projection);
        }
    }

    private static final class ConcurrentProjectionUpdateException extends RuntimeException {
        ConcurrentProjectionUpdateException(String message) {
            super(message);
        }
    }
}
