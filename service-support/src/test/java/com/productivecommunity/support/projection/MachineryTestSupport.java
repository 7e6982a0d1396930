package com.productivecommunity.support.projection;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.support.testing.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Shared by the machinery's integration tests: a real KRaft broker, a PostgreSQL database of the test's own
 * with the machinery's schema, a projection that records what it applied, and the helpers to read it back.
 */
abstract class MachineryTestSupport {

    static final int PARTITIONS = 3;
    /** The projection's connections carry this name, so a test can cut exactly them. */
    static final String APPLICATION_NAME = "pc-projection-test";

    static EmbeddedKafkaKraftBroker broker;
    static DriverManagerDataSource dataSource;
    /** The projection's own writes (they join its transactions): connections named {@link #APPLICATION_NAME}. */
    static JdbcTemplate jdbc;
    /** The test's reads, on connections of another name, so that cutting the projection's spares them. */
    static JdbcTemplate check;

    final List<ProjectionRunner> runners = new CopyOnWriteArrayList<>();
    final List<ProjectionAdmin> admins = new CopyOnWriteArrayList<>();
    final String topic = "events-" + UUID.randomUUID();
    TestEventPublisher publisher;

    static void startBrokerAndDatabase(String purpose) {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.afterPropertiesSet();
        dataSource = new DriverManagerDataSource(TestDatabases.url(purpose) + "?ApplicationName=" + APPLICATION_NAME,
                "postgres", "");
        jdbc = new JdbcTemplate(dataSource);
        check = new JdbcTemplate(new DriverManagerDataSource(
                TestDatabases.url(purpose) + "?ApplicationName=" + APPLICATION_NAME + "-check", "postgres", ""));
        jdbc.execute("DROP TABLE IF EXISTS projection_offset, projection_aggregate_position, projection_parked,"
                + " projection_action, recorded_event");
        new ResourceDatabasePopulator(new ClassPathResource("db/projection-support/V0_1__projection_offsets.sql"),
                new ClassPathResource("db/projection-support/V0_2__projection_parking.sql")).execute(dataSource);
        jdbc.execute("CREATE TABLE recorded_event (id bigserial PRIMARY KEY, projection text NOT NULL,"
                + " event_id uuid NOT NULL, aggregate_id text NOT NULL, sequence bigint NOT NULL)");
    }

    static void stopBroker() {
        broker.destroy();
    }

    @AfterEach
    void stopEverything() {
        admins.forEach(ProjectionAdmin::stop);
        runners.forEach(ProjectionRunner::stop);
        if (publisher != null) {
            publisher.close();
        }
    }

    TestEventPublisher publisher() {
        if (publisher == null) {
            TestEventPublisher.createTopic(broker.getBrokersAsString(), topic, PARTITIONS);
            publisher = new TestEventPublisher(broker.getBrokersAsString(), topic);
        }
        return publisher;
    }

    static Map<String, Object> kafka() {
        return Map.of("bootstrap.servers", broker.getBrokersAsString());
    }

    static ProjectionProperties properties() {
        ProjectionProperties properties = new ProjectionProperties();
        properties.setPollTimeout(Duration.ofMillis(100));
        properties.setRetryBackoffInitial(Duration.ofMillis(20));
        properties.setRetryBackoffMax(Duration.ofMillis(200));
        properties.setPoisonBackoff(Duration.ofMillis(10));
        properties.setLagRefreshInterval(Duration.ofMillis(100));
        properties.setStopWarnInterval(Duration.ofMillis(500));
        return properties;
    }

    ProjectionInfrastructure infrastructure(ProjectionProperties properties, ProjectionPositions positions,
                                            MeterRegistry meters) {
        return new ProjectionInfrastructure(dataSource, new DataSourceTransactionManager(dataSource), kafka(), topic,
                properties, positions, meters);
    }

    ProjectionRunner start(Projection projection, ProjectionProperties properties, MeterRegistry meters) {
        publisher();
        ProjectionRunner runner = new ProjectionRunner(projection, infrastructure(properties, null, meters));
        runners.add(runner);
        runner.start();
        return runner;
    }

    ProjectionAdmin admin(ProjectionProperties properties, MeterRegistry meters, Projection... projections) {
        publisher();
        ProjectionAdmin admin = new ProjectionAdmin(infrastructure(properties, null, meters), List.of(projections),
                true);
        admins.add(admin);
        admin.start();
        return admin;
    }

    static long storedOffsetSum(String projection) {
        return check.queryForObject("SELECT coalesce(sum(next_offset), 0) FROM projection_offset WHERE projection = ?",
                Long.class, projection);
    }

    static List<String> recorded(String projection) {
        return check.queryForList("SELECT aggregate_id || ':' || sequence FROM recorded_event WHERE projection = ?"
                + " ORDER BY id", String.class, projection);
    }

    static List<String> recordedOf(String projection, Object aggregateId) {
        return check.queryForList("SELECT aggregate_id || ':' || sequence FROM recorded_event WHERE projection = ?"
                + " AND aggregate_id = ? ORDER BY id", String.class, projection, aggregateId.toString());
    }

    /** Each aggregate's applied sequences in the order they were applied. */
    static List<String> perAggregate(String projection) {
        return check.queryForList("SELECT aggregate_id || ':' || string_agg(sequence::text, ',' ORDER BY id)"
                + " FROM recorded_event WHERE projection = ? GROUP BY aggregate_id ORDER BY aggregate_id",
                String.class, projection);
    }

    /** Open parked records as {@code reason aggregate:sequence}, in offset order per partition. */
    static List<String> parked(String projection) {
        return check.queryForList("SELECT reason || ' ' || coalesce(aggregate_id, 'key=' || record_key) || ':'"
                + " || coalesce(sequence::text, '?') FROM projection_parked WHERE projection = ? AND state = 'PARKED'"
                + " ORDER BY partition, \"offset\"", String.class, projection);
    }

    static List<Map<String, Object>> parkedRows(String projection) {
        return check.queryForList("SELECT * FROM projection_parked WHERE projection = ? ORDER BY partition, \"offset\"",
                projection);
    }

    static long parkedId(String projection, String reason) {
        return check.queryForObject("SELECT min(id) FROM projection_parked WHERE projection = ? AND reason = ?"
                + " AND state = 'PARKED'", Long.class, projection, reason);
    }

    static void eventually(BooleanSupplier condition) {
        eventually(Duration.ofSeconds(60), condition);
    }

    static void eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            sleep(50);
        }
    }

    /** A condition that cannot be read now (the database cut by the test itself) does not hold yet. */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.springframework.dao.DataAccessException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code communities} communities, each founded and then joined by {@code joinsEach} members. */
    static List<CommunityEvent> history(int communities, int joinsEach) {
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

    static CommunityFounded founded(UUID community) {
        return new CommunityFounded(UUID.randomUUID(), community, "carol", Instant.now(), "Maintenance", "uptime");
    }

    static MemberJoined joined(UUID community, String member) {
        return new MemberJoined(UUID.randomUUID(), community, member, Instant.now(), null);
    }

    static ContributionPosted question(UUID community, UUID question, String author) {
        return new ContributionPosted(UUID.randomUUID(), community, author, Instant.now(), question,
                ContributionKind.QUESTION, "How?", "Tell me", null, null);
    }

    static ContributionPosted answer(UUID community, UUID answer, String author, UUID question, String asker) {
        return new ContributionPosted(UUID.randomUUID(), community, author, Instant.now(), answer,
                ContributionKind.ANSWER, null, "Like this", question, asker);
    }

    static ReactionGiven liked(UUID community, UUID contribution, String member, String author) {
        return new ReactionGiven(UUID.randomUUID(), community, member, Instant.now(), contribution, author,
                ReactionKind.LIKE);
    }

    /**
     * Records every applied event in {@code recorded_event}, with a JDBC batch, as a real projection would;
     * throws for any batch holding an event of {@link #poison}, counts its calls and their sizes.
     */
    static class RecordingProjection implements Projection {
        private final String name;
        final AtomicInteger resets = new AtomicInteger();
        final Set<UUID> poison = ConcurrentHashMap.newKeySet();
        final AtomicInteger calls = new AtomicInteger();
        final List<Integer> sizes = new CopyOnWriteArrayList<>();

        RecordingProjection(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void apply(List<ProjectedEvent> events) {
            calls.incrementAndGet();
            sizes.add(events.size());
            jdbc.batchUpdate("INSERT INTO recorded_event (projection, event_id, aggregate_id, sequence) VALUES (?, ?, ?, ?)",
                    events.stream().map(e -> new Object[] {name, e.envelope().eventId(), e.aggregateId(), e.sequence()})
                            .toList());
            for (ProjectedEvent event : events) {
                if (poison.contains(event.envelope().eventId())) {
                    throw new IllegalStateException("cannot apply " + event.envelope().eventId());
                }
            }
        }

        @Override
        public void reset() {
            resets.incrementAndGet();
            jdbc.update("DELETE FROM recorded_event WHERE projection = ?", name);
        }
    }
}
