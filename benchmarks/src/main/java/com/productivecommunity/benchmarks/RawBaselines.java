package com.productivecommunity.benchmarks;

import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.EventEnvelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the same machine does without the platform: plain JDBC into PostgreSQL, a plain Kafka consumer. */
final class RawBaselines {

    static final String DATABASE = "pc_raw_bench";

    record Throughput(long count, double seconds, Samples latencies) {
        double perSecond() {
            return count / seconds;
        }
    }

    private final EventCodec codec = new EventCodec();

    void createSchema() throws SQLException {
        BenchPlatform.recreateDatabase(DATABASE);
        try (Connection connection = BenchPlatform.connect(DATABASE); Statement statement = connection.createStatement()) {
            // Shaped like the command side's event store row (domain_event_entry): one row per event.
            statement.execute("""
                    CREATE TABLE event_row (
                        global_index bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, aggregate_id text NOT NULL,
                        sequence bigint NOT NULL, type text NOT NULL, occurred_at timestamptz NOT NULL,
                        payload bytea NOT NULL, UNIQUE (aggregate_id, sequence))""");
            statement.execute("""
                    CREATE TABLE replay_row (
                        event_id uuid PRIMARY KEY, community_id uuid NOT NULL, aggregate_id text NOT NULL,
                        sequence bigint NOT NULL, type text NOT NULL, actor_id text, occurred_at timestamptz NOT NULL,
                        payload text NOT NULL)""");
        }
    }

    /** Single-row inserts of an event row, one transaction (autocommit) each, from {@code clients} threads. */
    Throughput singleRowInserts(int clients, Duration duration) throws InterruptedException {
        Samples latencies = new Samples();
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = BenchPlatform.connect(DATABASE);
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO event_row "
                             + "(event_id, aggregate_id, sequence, type, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
                    connection.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        UUID eventId = UUID.randomUUID();
                        UUID contributionId = UUID.randomUUID();
                        ContributionPosted event = new ContributionPosted(eventId, UUID.randomUUID(), "alice", Instant.now(),
                                contributionId, ContributionKind.QUESTION, "Why does pump 2 stop at night?",
                                "We replaced the filter on pump 2 and logged the vibration every shift. ".repeat(3), null, null);
                        byte[] payload = codec.mapper().writeValueAsBytes(event);
                        long t0 = System.nanoTime();
                        insert.setObject(1, eventId);
                        insert.setString(2, contributionId.toString());
                        insert.setLong(3, 0);
                        insert.setString(4, "ContributionPosted");
                        insert.setTimestamp(5, Timestamp.from(event.occurredAt()));
                        insert.setBytes(6, payload);
                        insert.executeUpdate();
                        latencies.add(System.nanoTime() - t0);
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Throughput(count.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Total number of records on the topic (it starts at offset 0: retention is forever). */
    static long topicSize(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    interface RecordSink {
        void accept(ConsumerRecords<String, byte[]> records) throws Exception;
    }

    /** Reads the topic from offset 0 to its end with a plain consumer (no group), handing every poll to {@code sink}. */
    Throughput readTopic(String bootstrapServers, String topic, RecordSink sink) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long start = System.nanoTime();
            consumer.seekToBeginning(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                count += records.count();
                sink.accept(records);
            }
            return new Throughput(count, (System.nanoTime() - start) / 1e9, new Samples());
        }
    }

    Throughput rawConsume(String bootstrapServers, String topic) throws Exception {
        return readTopic(bootstrapServers, topic, records -> { });
    }

    /** Consuming plus what every projection does first: decoding the envelope and its typed event. */
    Throughput rawConsumeAndDecode(String bootstrapServers, String topic) throws Exception {
        return readTopic(bootstrapServers, topic, records -> {
            for (ConsumerRecord<String, byte[]> record : records) {
                EventEnvelope envelope = codec.read(record.value());
                codec.event(envelope);
            }
        });
    }

    /** A raw projection: consume the topic, insert one row per event, one JDBC batch and one transaction per poll. */
    Throughput rawConsumeAndBatchInsert(String bootstrapServers, String topic) throws Exception {
        try (Connection connection = BenchPlatform.connect(DATABASE)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE replay_row");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO replay_row (event_id, community_id, "
                    + "aggregate_id, sequence, type, actor_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                return readTopic(bootstrapServers, topic, records -> {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        EventEnvelope envelope = codec.read(record.value());
                        insert.setObject(1, envelope.eventId());
                        insert.setObject(2, envelope.communityId());
                        insert.setString(3, envelope.aggregateId());
                        insert.setLong(4, envelope.sequence());
                        insert.setString(5, envelope.type());
                        insert.setString(6, envelope.actorId());
                        insert.setTimestamp(7, Timestamp.from(envelope.occurredAt()));
                        insert.setString(8, envelope.payload().toString());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                });
            }
        }
    }

    static String describe(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

}
