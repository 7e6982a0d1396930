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
    private ConsumerTuning tuning = ConsumerTuning.DEFAULT;

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
            // Shaped like query-service's contribution row, with the same keys and indexes (V1__query_model.sql).
            statement.execute("""
                    CREATE TABLE copy_row (
                        contribution_id uuid PRIMARY KEY, community_id uuid NOT NULL, author_id text NOT NULL,
                        kind text NOT NULL, title text, body text NOT NULL, in_reply_to uuid,
                        posted_at timestamptz NOT NULL, like_count integer NOT NULL DEFAULT 0,
                        thanks_count integer NOT NULL DEFAULT 0, useful_count integer NOT NULL DEFAULT 0,
                        answer_count integer NOT NULL DEFAULT 0, accepted_answer_id uuid)""");
            statement.execute("CREATE INDEX copy_row_feed ON copy_row (community_id, posted_at DESC, contribution_id DESC)");
            statement.execute("CREATE INDEX copy_row_answers ON copy_row (in_reply_to, posted_at, contribution_id)"
                    + " WHERE in_reply_to IS NOT NULL");
        }
    }

    /**
     * {@code COPY … FROM STDIN} of {@code rows} rows shaped like query-service's contribution row (primary key and
     * both indexes present), {@code chunk} rows per COPY and one transaction per COPY; the rows are built in memory
     * before the clock starts, so this is what PostgreSQL takes in, not what a producer of rows costs.
     */
    Throughput copyRows(long rows, int chunk) throws SQLException {
        try (Connection connection = BenchPlatform.connect(DATABASE)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE copy_row");
            }
            connection.setAutoCommit(false);
            java.util.Random random = new java.util.Random(7);
            UUID[] communities = new UUID[1000];
            for (int i = 0; i < communities.length; i++) {
                communities[i] = new UUID(random.nextLong(), random.nextLong());
            }
            List<byte[]> chunks = new ArrayList<>();
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (long done = 0; done < rows; ) {
                StringBuilder text = new StringBuilder();
                int n = (int) Math.min(chunk, rows - done);
                for (int i = 0; i < n; i++) {
                    boolean answer = random.nextInt(3) == 0;
                    text.append(new UUID(random.nextLong(), random.nextLong())).append('\t')
                            .append(communities[random.nextInt(communities.length)]).append('\t')
                            .append("member-").append(random.nextInt(10_000)).append('\t')
                            .append(answer ? "ANSWER" : "QUESTION").append('\t')
                            .append(answer ? "\\N" : "How do we see a bearing failure coming on line " + i).append('\t');
                    copyText(text, "We replaced the filter on pump 2 and logged the vibration every shift.\n".repeat(3));
                    text.append('\t').append(answer ? new UUID(random.nextLong(), random.nextLong()).toString() : "\\N")
                            .append('\t').append(t.plusMillis(done + i)).append('\n');
                }
                chunks.add(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                done += n;
            }
            org.postgresql.copy.CopyManager copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            for (byte[] bytes : chunks) {
                org.postgresql.copy.CopyIn in = copy.copyIn("COPY copy_row (contribution_id, community_id, author_id, kind,"
                        + " title, body, in_reply_to, posted_at) FROM STDIN");
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
                connection.commit();
            }
            return new Throughput(rows, (System.nanoTime() - start) / 1e9, new Samples());
        }
    }

    /** A value in COPY's text format: backslash, tab, line feed and carriage return escaped. */
    static void copyText(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /**
     * A raw event-sourced append, what a command minimally costs: each thread keeps its aggregates' versions in
     * memory (the cached aggregate), checks the expected version, INSERTs the event row (unique (aggregate,
     * sequence) catches a concurrent writer), COMMITs (autocommit), then hands the envelope to a KafkaProducer
     * (acks=all, linger 5 ms, like command-service's publisher but not idempotent, see below; the send is
     * asynchronous, every ack is checked at the end). Latency: version check to the send returning.
     */
    Throughput eventSourcedAppends(int clients, Duration duration, String bootstrapServers, String topic)
            throws Exception {
        Samples latencies = new Samples();
        AtomicLong count = new AtomicLong();
        AtomicLong failedSends = new AtomicLong();
        Properties producerProperties = new Properties();
        producerProperties.put("bootstrap.servers", bootstrapServers);
        producerProperties.put("acks", "all");
        producerProperties.put("linger.ms", 5);
        // Not idempotent: the bench broker handed this producer an id whose sequence state another producer of the run
        // already had (OutOfOrderSequenceException on every batch, flush never returns). acks=all still waits for the log.
        producerProperties.put("enable.idempotence", false);
        producerProperties.put("max.in.flight.requests.per.connection", 5);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start;
        try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer =
                     new org.apache.kafka.clients.producer.KafkaProducer<>(producerProperties,
                             new org.apache.kafka.common.serialization.StringSerializer(),
                             new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            start = System.nanoTime();
            for (int t = 0; t < clients; t++) {
                Thread thread = new Thread(() -> {
                    UUID community = UUID.randomUUID();
                    String[] aggregates = new String[50];
                    long[] versions = new long[aggregates.length];
                    for (int i = 0; i < aggregates.length; i++) {
                        aggregates[i] = UUID.randomUUID().toString();
                        versions[i] = -1;
                    }
                    java.util.Random random = new java.util.Random();
                    try (Connection connection = BenchPlatform.connect(DATABASE);
                         PreparedStatement insert = connection.prepareStatement("INSERT INTO event_row "
                                 + "(event_id, aggregate_id, sequence, type, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
                        connection.setAutoCommit(true);
                        while (System.nanoTime() < end) {
                            int a = random.nextInt(aggregates.length);
                            UUID eventId = UUID.randomUUID();
                            UUID contributionId = UUID.fromString(aggregates[a]);
                            ContributionPosted event = new ContributionPosted(eventId, community, "alice", Instant.now(),
                                    contributionId, ContributionKind.QUESTION, "Why does pump 2 stop at night?",
                                    "We replaced the filter on pump 2 and logged the vibration every shift. ".repeat(3), null, null);
                            long t0 = System.nanoTime();
                            long expected = versions[a];
                            long sequence = expected + 1;
                            EventEnvelope envelope = codec.envelope(event, "Contribution", aggregates[a], sequence, 0);
                            byte[] payload = codec.mapper().writeValueAsBytes(event);
                            insert.setObject(1, eventId);
                            insert.setString(2, aggregates[a]);
                            insert.setLong(3, sequence);
                            insert.setString(4, "ContributionPosted");
                            insert.setTimestamp(5, Timestamp.from(event.occurredAt()));
                            insert.setBytes(6, payload);
                            insert.executeUpdate();
                            versions[a] = sequence;
                            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, community.toString(),
                                    codec.write(envelope)), (metadata, failure) -> {
                                if (failure != null) {
                                    failedSends.incrementAndGet();
                                }
                            });
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
            producer.flush();
        }
        if (failedSends.get() > 0) {
            throw new IllegalStateException(failedSends.get() + " sends of the raw append baseline failed");
        }
        return new Throughput(count.get(), (System.nanoTime() - start) / 1e9, latencies);
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
        return consumer(bootstrapServers, ConsumerTuning.DEFAULT);
    }

    /**
     * Consumer settings the raw baseline is tried with: each is a full replay of the topic; the best of them is the
     * baseline ("tuned"), and every one is reported. {@code DEFAULT} is what the platform's projections use.
     */
    record ConsumerTuning(String name, int fetchMinBytes, int fetchMaxWaitMs, int fetchMaxBytes, int maxPartitionFetchBytes,
                          int maxPollRecords, int receiveBufferBytes, boolean checkCrcs) {
        static final ConsumerTuning DEFAULT = new ConsumerTuning("kafka defaults, max.poll.records 1000",
                1, 500, 52_428_800, 1_048_576, 1000, 65_536, true);
        static final List<ConsumerTuning> CANDIDATES = List.of(
                DEFAULT,
                new ConsumerTuning("partition fetch 4 MiB, poll 5000, rcvbuf 1 MiB", 1, 500, 52_428_800, 4 << 20, 5000, 1 << 20, true),
                new ConsumerTuning("min 1 MiB/100 ms, partition 8 MiB, fetch 64 MiB, poll 20000, rcvbuf 4 MiB", 1 << 20, 100,
                        64 << 20, 8 << 20, 20_000, 4 << 20, true),
                new ConsumerTuning("min 256 KiB/50 ms, partition 16 MiB, fetch 128 MiB, poll 50000, rcvbuf OS", 256 << 10, 50,
                        128 << 20, 16 << 20, 50_000, -1, true),
                new ConsumerTuning("as above, check.crcs false", 256 << 10, 50, 128 << 20, 16 << 20, 50_000, -1, false));

        String describe() {
            return name + " (fetch.min.bytes " + fetchMinBytes + ", fetch.max.wait.ms " + fetchMaxWaitMs + ", fetch.max.bytes "
                    + fetchMaxBytes + ", max.partition.fetch.bytes " + maxPartitionFetchBytes + ", max.poll.records "
                    + maxPollRecords + ", receive.buffer.bytes " + receiveBufferBytes + ", check.crcs " + checkCrcs + ")";
        }
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, ConsumerTuning tuning) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, tuning.fetchMinBytes());
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, tuning.fetchMaxWaitMs());
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, tuning.fetchMaxBytes());
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, tuning.maxPartitionFetchBytes());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, tuning.maxPollRecords());
        properties.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, tuning.receiveBufferBytes());
        properties.put(ConsumerConfig.CHECK_CRCS_CONFIG, tuning.checkCrcs());
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
        return readTopic(bootstrapServers, topic, tuning, sink);
    }

    Throughput readTopic(String bootstrapServers, String topic, ConsumerTuning tuning, RecordSink sink) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers, tuning)) {
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

    Throughput rawConsume(String bootstrapServers, String topic, ConsumerTuning tuning) throws Exception {
        return readTopic(bootstrapServers, topic, tuning, records -> { });
    }

    /** The settings the decode, INSERT and COPY baselines read with: the best of the last sweep. */
    void useTuning(ConsumerTuning tuning) {
        this.tuning = tuning;
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

    /** A raw projection with COPY: consume, decode the envelope, one {@code COPY} of one row per event per poll, commit. */
    Throughput rawConsumeAndCopy(String bootstrapServers, String topic) throws Exception {
        try (Connection connection = BenchPlatform.connect(DATABASE)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE replay_row");
            }
            connection.setAutoCommit(false);
            org.postgresql.copy.CopyManager copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            return readTopic(bootstrapServers, topic, records -> {
                if (records.isEmpty()) {
                    return;
                }
                StringBuilder text = new StringBuilder(records.count() * 400);
                for (ConsumerRecord<String, byte[]> record : records) {
                    EventEnvelope envelope = codec.read(record.value());
                    text.append(envelope.eventId()).append('\t').append(envelope.communityId()).append('\t');
                    copyText(text, envelope.aggregateId());
                    text.append('\t').append(envelope.sequence()).append('\t').append(envelope.type()).append('\t');
                    if (envelope.actorId() == null) {
                        text.append("\\N");
                    } else {
                        copyText(text, envelope.actorId());
                    }
                    text.append('\t').append(envelope.occurredAt()).append('\t');
                    copyText(text, envelope.payload().toString());
                    text.append('\n');
                }
                byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                org.postgresql.copy.CopyIn in = copy.copyIn("COPY replay_row (event_id, community_id, aggregate_id, sequence,"
                        + " type, actor_id, occurred_at, payload) FROM STDIN");
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
                connection.commit();
            });
        }
    }

    static String describe(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

}
