package com.productivecommunity.support.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.support.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The consumer machinery against a real PostgreSQL database and an embedded KRaft broker. */
class ProjectionRunnerIntegrationTest {

    private static final String URL = TestDatabases.url("support");
    private static final int PARTITIONS = 3;

    private static EmbeddedKafkaKraftBroker broker;
    private static DriverManagerDataSource dataSource;
    private static JdbcTemplate jdbc;

    private final List<ProjectionRunner> runners = new ArrayList<>();
    private final String topic = "events-" + UUID.randomUUID();
    private TestEventPublisher publisher;

    @BeforeAll
    static void startBrokerAndDatabase() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.afterPropertiesSet();
        dataSource = new DriverManagerDataSource(URL, "postgres", "");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP TABLE IF EXISTS projection_offset, projection_aggregate_position, recorded_event");
        new ResourceDatabasePopulator(new ClassPathResource("db/projection-support/V0_1__projection_offsets.sql"))
                .execute(dataSource);
        jdbc.execute("CREATE TABLE recorded_event (id bigserial PRIMARY KEY, projection text NOT NULL,"
                + " event_id uuid NOT NULL, aggregate_id text NOT NULL, sequence bigint NOT NULL)");
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @AfterEach
    void stopRunners() {
        runners.forEach(ProjectionRunner::stop);
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void appliesAnEventPublishedTwiceOnlyOnce() {
        TestEventPublisher.createTopic(broker.getBrokersAsString(), topic, PARTITIONS);
        publisher = new TestEventPublisher(broker.getBrokersAsString(), topic);
        UUID community = UUID.randomUUID();
        publisher.publish(founded(community));
        EventEnvelope joined = publisher.publish(joined(community, "alice"));
        publisher.publish(joined(community, "bob"));
        publisher.publish(joined); // the at-least-once publisher sent it again, at a later offset
        publisher.publish(joined(community, "carol"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingProjection projection = new RecordingProjection("dedup-" + UUID.randomUUID());

        start(projection, properties(), meters);
        eventually(() -> storedOffsetSum(projection.name()) == 5);

        assertThat(recorded(projection.name())).containsExactly(
                community + ":0", community + ":1", community + ":2", community + ":3");
        assertThat(meters.counter("projection.events.skipped", "projection", projection.name()).count()).isEqualTo(1);
        assertThat(meters.counter("projection.events.applied", "projection", projection.name()).count()).isEqualTo(4);
    }

    @Test
    void anEventLostUpstreamIsCountedAsASequenceGapAndTheRestIsApplied() {
        TestEventPublisher.createTopic(broker.getBrokersAsString(), topic, PARTITIONS);
        publisher = new TestEventPublisher(broker.getBrokersAsString(), topic);
        UUID community = UUID.randomUUID();
        publisher.publish(founded(community));
        publisher.envelope(joined(community, "alice")); // sequence 1 is numbered but never reaches the topic
        publisher.publish(joined(community, "bob"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingProjection projection = new RecordingProjection("gap-" + UUID.randomUUID());

        start(projection, properties(), meters);
        eventually(() -> storedOffsetSum(projection.name()) == 2);

        assertThat(recorded(projection.name())).containsExactly(community + ":0", community + ":2");
        assertThat(meters.counter("projection.sequence.gaps", "projection", projection.name()).count()).isEqualTo(1);
    }

    @Test
    void aConsumerStoppedInTheMiddleOfABatchResumesToTheStateOfAnUninterruptedRun() throws Exception {
        TestEventPublisher.createTopic(broker.getBrokersAsString(), topic, PARTITIONS);
        publisher = new TestEventPublisher(broker.getBrokersAsString(), topic);
        publisher.publishAll(history(6, 10));
        ProjectionProperties smallBatches = properties();
        smallBatches.setMaxPollRecords(7);

        RecordingProjection uninterrupted = new RecordingProjection("whole-" + UUID.randomUUID());
        start(uninterrupted, smallBatches, null);

        CountDownLatch inSecondBatch = new CountDownLatch(1);
        CountDownLatch crash = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        RecordingProjection crashing = new RecordingProjection("crash-" + UUID.randomUUID()) {
            @Override
            public void apply(List<ProjectedEvent> events) {
                super.apply(events); // rows written, not yet committed
                if (batches.incrementAndGet() == 2) {
                    inSecondBatch.countDown();
                    await(crash);
                    throw new IllegalStateException("the process died in the middle of this batch");
                }
            }
        };
        ProjectionRunner runner = start(crashing, smallBatches, null);
        assertThat(inSecondBatch.await(30, TimeUnit.SECONDS)).isTrue();
        Thread stopping = new Thread(runner::stop);
        stopping.start();
        eventually(() -> !runner.isRunning());
        crash.countDown();
        stopping.join();
        int afterCrash = recorded(crashing.name()).size();
        assertThat(afterCrash).isEqualTo(7); // the first batch only: the second rolled back with its offsets

        runner.start();
        eventually(() -> storedOffsetSum(crashing.name()) == 66 && storedOffsetSum(uninterrupted.name()) == 66);

        assertThat(recorded(crashing.name())).hasSize(66).doesNotHaveDuplicates();
        assertThat(perAggregate(crashing.name())).isEqualTo(perAggregate(uninterrupted.name()));
    }

    @Test
    void aFailingBatchLeavesNeitherRowsNorOffsetsAndIsRetriedUntilItApplies() {
        TestEventPublisher.createTopic(broker.getBrokersAsString(), topic, PARTITIONS);
        publisher = new TestEventPublisher(broker.getBrokersAsString(), topic);
        UUID community = UUID.randomUUID();
        EventEnvelope poison = publisher.publish(founded(community));
        publisher.publishAll(List.of(joined(community, "alice"), joined(community, "bob")));
        AtomicBoolean failing = new AtomicBoolean(true);
        RecordingProjection projection = new RecordingProjection("failing-" + UUID.randomUUID()) {
            @Override
            public void apply(List<ProjectedEvent> events) {
                super.apply(events);
                if (failing.get() && events.stream().anyMatch(e -> e.envelope().eventId().equals(poison.eventId()))) {
                    throw new IllegalStateException("cannot apply " + poison.eventId());
                }
            }
        };
        ProjectionProperties properties = properties();
        properties.setFailuresBeforeDown(2);
        ProjectionRunner runner = start(projection, properties, null);
        ProjectionHealthIndicator health = new ProjectionHealthIndicator(runner, properties);

        eventually(() -> runner.status().consecutiveFailures() >= 3);
        assertThat(recorded(projection.name())).isEmpty();
        assertThat(storedOffsetSum(projection.name())).isZero();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(runner.status().lastError()).contains("@0").contains(poison.eventId().toString());

        failing.set(false);
        eventually(() -> storedOffsetSum(projection.name()) == 3);
        assertThat(recorded(projection.name())).containsExactly(
                community + ":0", community + ":1", community + ":2");
        eventually(() -> health.health().getStatus().equals(Status.UP));
    }

    @Test
    void offsetsMovedByAnotherInstanceAreFollowedNotTreatedAsPoison() {
        TestEventPublisher.createTopic(broker.getBrokersAsString(), topic, PARTITIONS);
        publisher = new TestEventPublisher(broker.getBrokersAsString(), topic);
        UUID community = UUID.randomUUID();
        publisher.publishAll(List.of(founded(community), joined(community, "alice")));
        RecordingProjection projection = new RecordingProjection("moved-" + UUID.randomUUID());
        ProjectionRunner runner = start(projection, properties(), null);
        eventually(() -> storedOffsetSum(projection.name()) == 2);

        // Another instance of the projection applied the next event (offset 2) meanwhile.
        jdbc.update("UPDATE projection_offset SET next_offset = 3 WHERE projection = ?", projection.name());
        publisher.publishAll(List.of(joined(community, "bob"), joined(community, "carol")));
        eventually(() -> storedOffsetSum(projection.name()) == 4);

        assertThat(recorded(projection.name())).containsExactly(community + ":0", community + ":1", community + ":3");
        assertThat(runner.status().consecutiveFailures()).isZero();
    }

    @Test
    void waitersAreReleasedOnceTheEventIsCommittedAndTimeOutOtherwise() throws Exception {
        TestEventPublisher.createTopic(broker.getBrokersAsString(), topic, PARTITIONS);
        publisher = new TestEventPublisher(broker.getBrokersAsString(), topic);
        RecordingProjection projection = new RecordingProjection("positions-" + UUID.randomUUID());
        ProjectionPositions positions = new ProjectionPositions(dataSource, List.of());
        ProjectionRunner runner = new ProjectionRunner(projection, dataSource, new DataSourceTransactionManager(dataSource),
                kafka(), topic, properties(), positions, null);
        runners.add(runner);
        runner.start();
        UUID community = UUID.randomUUID();

        publisher.publish(founded(community));
        EventEnvelope joined = publisher.publish(joined(community, "alice"));

        assertThat(positions.awaitApplied(community.toString(), joined.sequence(), Duration.ofSeconds(30))).isTrue();
        assertThat(recorded(projection.name())).contains(community + ":1");
        assertThat(positions.awaitApplied(community.toString(), joined.sequence() + 1, Duration.ofMillis(300))).isFalse();
        assertThat(positions.awaitApplied(UUID.randomUUID().toString(), 0, Duration.ofMillis(300))).isFalse();
    }

    @Test
    void aRebuildReplaysTheTopicFromTheStart() {
        TestEventPublisher.createTopic(broker.getBrokersAsString(), topic, PARTITIONS);
        publisher = new TestEventPublisher(broker.getBrokersAsString(), topic);
        publisher.publishAll(history(3, 4));
        RecordingProjection projection = new RecordingProjection("rebuild-" + UUID.randomUUID());
        ProjectionRunner runner = start(projection, properties(), null);
        eventually(() -> storedOffsetSum(projection.name()) == 15);
        List<String> before = perAggregate(projection.name());
        ProjectionAdmin admin = new ProjectionAdmin(List.of(runner), dataSource,
                new DataSourceTransactionManager(dataSource), false);

        admin.rebuild(projection.name());
        eventually(() -> storedOffsetSum(projection.name()) == 15);

        assertThat(projection.resets.get()).isEqualTo(1);
        assertThat(perAggregate(projection.name())).isEqualTo(before);
    }

    private ProjectionRunner start(Projection projection, ProjectionProperties properties, SimpleMeterRegistry meters) {
        ProjectionRunner runner = new ProjectionRunner(projection, dataSource, new DataSourceTransactionManager(dataSource),
                kafka(), topic, properties, null, meters);
        runners.add(runner);
        runner.start();
        return runner;
    }

    private static Map<String, Object> kafka() {
        return Map.of("bootstrap.servers", broker.getBrokersAsString());
    }

    private static ProjectionProperties properties() {
        ProjectionProperties properties = new ProjectionProperties();
        properties.setPollTimeout(Duration.ofMillis(100));
        properties.setRetryBackoffInitial(Duration.ofMillis(20));
        properties.setRetryBackoffMax(Duration.ofMillis(100));
        properties.setLagRefreshInterval(Duration.ofMillis(100));
        return properties;
    }

    /** {@code communities} communities, each founded and then joined by {@code joinsEach} members. */
    private static List<CommunityEvent> history(int communities, int joinsEach) {
        List<CommunityEvent> events = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            events.add(founded(id));
        }
        for (int j = 0; j < joinsEach; j++) {
            for (UUID id : ids) {
                events.add(joined(id, "member-" + j));
            }
        }
        return events;
    }

    private static CommunityFounded founded(UUID community) {
        return new CommunityFounded(UUID.randomUUID(), community, "carol", Instant.now(), "Maintenance", "uptime");
    }

    private static MemberJoined joined(UUID community, String member) {
        return new MemberJoined(UUID.randomUUID(), community, member, Instant.now(), null);
    }

    private static long storedOffsetSum(String projection) {
        return jdbc.queryForObject("SELECT coalesce(sum(next_offset), 0) FROM projection_offset WHERE projection = ?",
                Long.class, projection);
    }

    private static List<String> recorded(String projection) {
        return jdbc.queryForList("SELECT aggregate_id || ':' || sequence FROM recorded_event WHERE projection = ?"
                + " ORDER BY id", String.class, projection);
    }

    /** Each aggregate's applied sequences in the order they were applied. */
    private static List<String> perAggregate(String projection) {
        return jdbc.queryForList("SELECT aggregate_id || ':' || string_agg(sequence::text, ',' ORDER BY id)"
                + " FROM recorded_event WHERE projection = ? GROUP BY aggregate_id ORDER BY aggregate_id",
                String.class, projection);
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records every applied event in {@code recorded_event}, with a JDBC batch, as a real projection would. */
    static class RecordingProjection implements Projection {
        private final String name;
        final AtomicInteger resets = new AtomicInteger();

        RecordingProjection(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void apply(List<ProjectedEvent> events) {
            jdbc.batchUpdate("INSERT INTO recorded_event (projection, event_id, aggregate_id, sequence) VALUES (?, ?, ?, ?)",
                    events.stream().map(e -> new Object[] {name, e.envelope().eventId(), e.aggregateId(), e.sequence()})
                            .toList());
        }

        @Override
        public void reset() {
            resets.incrementAndGet();
            jdbc.update("DELETE FROM recorded_event WHERE projection = ?", name);
        }
    }
}
