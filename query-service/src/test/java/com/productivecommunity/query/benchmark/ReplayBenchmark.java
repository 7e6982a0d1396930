package com.productivecommunity.query.benchmark;

import static com.productivecommunity.query.Events.answered;
import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.joined;
import static com.productivecommunity.query.Events.posted;
import static com.productivecommunity.query.Events.reacted;
import static com.productivecommunity.query.Events.viewed;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.query.projection.QueryProjection;
import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.Projection;
import com.productivecommunity.support.projection.ProjectionInfrastructure;
import com.productivecommunity.support.projection.ProjectionProperties;
import com.productivecommunity.support.projection.ProjectionRunner;
import com.productivecommunity.support.projection.TestEventPublisher;
import com.productivecommunity.support.testing.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Replay throughput of the projection machinery alone, before and after the move to spring-kafka, in one
 * run: an in-JVM KRaft broker with a topic of N events (default 200,000; a realistic mix of joins, questions,
 * answers, views and reactions), a PostgreSQL database of its own, and each configuration replaying the whole
 * topic from offset 0 into a fresh projection name (its own Kafka group and stored offsets):
 * a no-op projection (only the machinery's own work: decode, redelivery check, high-water marks, offsets)
 * and query-service's {@link QueryProjection}, each under the frozen old loop ({@link LegacyProjectionRunner})
 * and under the new {@link ProjectionRunner} at several concurrencies. Rounds alternate the order.
 * Prints events per second; asserts nothing: {@code ./benchmarks/replay-machinery [events] [rounds] [only]}
 * ({@code only}: semicolon-separated parts of configuration names, e.g. {@code "no-op"}).
 */
public final class ReplayBenchmark {

    private static final String TOPIC = "replay-bench";
    private static final int PARTITIONS = 6;
    private static final String[] MEMBERS = {"alice", "bob", "carol", "frank", "grace", "dana", "erin"};

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Logback's default (DEBUG to the console for every Kafka client) would cost more than the replay itself.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String only = args.length > 2 ? args[2] : "";
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, TOPIC);
        broker.afterPropertiesSet();
        TestDatabases.drop("replay_bench", "test");
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestDatabases.url("replay_bench") + "?reWriteBatchedInserts=true");
        dataSource.setUsername(TestDatabases.USER);
        dataSource.setMaximumPoolSize(10);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/projection-support")
                    .load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long publishStart = System.nanoTime();
            int published = publish(broker.getBrokersAsString(), target);
            System.out.printf("Topic %s: %,d events on %d partitions, published in %.1f s%n", TOPIC, published,
                    PARTITIONS, (System.nanoTime() - publishStart) / 1e9);

            Map<String, Supplier<Run>> configurations = new LinkedHashMap<>();
            ProjectionProperties.Decoder tree = ProjectionProperties.Decoder.TREE;
            ProjectionProperties.Decoder onePass = ProjectionProperties.Decoder.ONE_PASS;
            configurations.put("no-op    before (old loop)", () -> new Run(false, 1, false, tree));
            configurations.put("no-op    after, concurrency 1", () -> new Run(false, 1, true, tree));
            configurations.put("no-op    after, concurrency 2", () -> new Run(false, 2, true, tree));
            configurations.put("no-op    after, concurrency 3", () -> new Run(false, 3, true, tree));
            configurations.put("no-op    one-pass, concurrency 1", () -> new Run(false, 1, true, onePass));
            configurations.put("no-op    one-pass, concurrency 2", () -> new Run(false, 2, true, onePass));
            configurations.put("query    before (old loop)", () -> new Run(true, 1, false, tree));
            configurations.put("query    after, concurrency 1", () -> new Run(true, 1, true, tree));
            configurations.put("query    after, concurrency 2", () -> new Run(true, 2, true, tree));
            configurations.put("query    one-pass, concurrency 2", () -> new Run(true, 2, true, onePass));
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            configurations.keySet().removeIf(name -> !only.isEmpty()
                    && java.util.Arrays.stream(only.split(";")).noneMatch(name::contains));
            configurations.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            configurations.keySet().forEach(name -> cpu.put(name, new ArrayList<>()));
            Map<String, List<Double>> pg = new LinkedHashMap<>();
            configurations.keySet().forEach(name -> pg.put(name, new ArrayList<>()));
            for (int round = 1; round <= rounds; round++) {
                List<String> order = new ArrayList<>(configurations.keySet());
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (String name : order) {
                    long cpuBefore = processCpuNanos();
                    long pgBefore = postgresCpuMillis(jdbc);
                    double rate = configurations.get(name).get().replay(broker.getBrokersAsString(), dataSource, jdbc,
                            published);
                    double cpuPerThousand = (processCpuNanos() - cpuBefore) / 1e6 * 1000 / published;
                    double pgPerThousand = (postgresCpuMillis(jdbc) - pgBefore) * 1000.0 / published;
                    if (round > 1 || rounds == 1) {
                        rates.get(name).add(rate);
                        cpu.get(name).add(cpuPerThousand);
                        pg.get(name).add(pgPerThousand);
                    }
                    System.out.printf("round %d  %-50s %,10.0f events/s %8.1f ms JVM CPU %8.1f ms PostgreSQL CPU per"
                            + " 1,000 events%n", round, name, rate, cpuPerThousand, pgPerThousand);
                }
            }
            System.out.println();
            System.out.printf("REPLAY of %,d events, %d round(s)%s, %d cores, load %.2f at the end%n", published, rounds,
                    rounds > 1 ? " (round 1 is a warm-up: JIT compilation; medians of the others)" : "",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("%-50s %12s %12s %12s %14s %14s%n", "configuration", "median", "min", "max",
                    "JVM CPU ms/1k", "PG CPU ms/1k");
            rates.forEach((name, values) -> {
                List<Double> sorted = values.stream().sorted().toList();
                System.out.printf("%-50s %,12.0f %,12.0f %,12.0f %14.1f %14.1f%n", name, median(sorted), sorted.get(0),
                        sorted.get(sorted.size() - 1), median(cpu.get(name).stream().sorted().toList()),
                        median(pg.get(name).stream().sorted().toList()));
            });
        } finally {
            dataSource.close();
            broker.destroy();
        }
    }

    /** One replay: which projection, which machinery, how many consumers. */
    private record Run(boolean query, int concurrency, boolean after, ProjectionProperties.Decoder decoder) {


        double replay(String brokers, HikariDataSource dataSource, JdbcTemplate jdbc, int events) {
            String name = (query ? "query" : "noop") + "-" + (after ? "after" + concurrency : "before") + "-"
                    + UUID.randomUUID();
            if (query) {
                jdbc.execute("TRUNCATE community, community_member, contribution, outcome, outcome_contribution");
            }
            Projection projection = query ? renamed(new QueryProjection(jdbc, event -> { }), name) : noop(name);
            Map<String, Object> kafka = Map.of("bootstrap.servers", brokers);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            long start = System.nanoTime();
            Runnable stop;
            if (after) {
                ProjectionProperties properties = new ProjectionProperties();
                properties.setConcurrency(concurrency);
                properties.setDecoder(decoder);
                ProjectionRunner runner = new ProjectionRunner(projection, new ProjectionInfrastructure(dataSource,
                        transactions, kafka, TOPIC, properties, null, null));
                runner.start();
                stop = runner::stop;
            } else {
                LegacyProjectionRunner runner = new LegacyProjectionRunner(projection, dataSource, transactions, kafka,
                        TOPIC, LegacyProjectionRunner.Tuning.defaults(), null);
                runner.start();
                stop = runner::stop;
            }
            try {
                while (storedOffsets(jdbc, name) < events) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                stop.run();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            jdbc.update("DELETE FROM projection_aggregate_position WHERE projection = ?", name);
            jdbc.update("DELETE FROM projection_offset WHERE projection = ?", name);
            jdbc.execute("VACUUM ANALYZE projection_aggregate_position");
            return events / seconds;
        }
    }

    private static double median(List<Double> sorted) {
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    /** CPU time of this JVM (the consumers, the decoding, the embedded broker; not PostgreSQL). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time (user + system) of the PostgreSQL backends connected to the benchmark's database, from /proc: the pool
     * keeps its connections, so the difference over a replay is what PostgreSQL spent on it (0 when /proc is not
     * readable, e.g. PostgreSQL on another host).
     */
    private static long postgresCpuMillis(JdbcTemplate jdbc) {
        long ticks = 0;
        for (Integer pid : jdbc.queryForList("SELECT pid FROM pg_stat_activity WHERE datname = current_database()",
                Integer.class)) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException | RuntimeException e) {
                // gone, or not on this host
            }
        }
        return ticks * 10; // USER_HZ = 100
    }

    private static long storedOffsets(JdbcTemplate jdbc, String name) {
        Long sum = jdbc.queryForObject("SELECT coalesce(sum(next_offset), 0) FROM projection_offset WHERE projection = ?",
                Long.class, name);
        return sum == null ? 0 : sum;
    }

    private static Projection noop(String name) {
        return new Projection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(List<ProjectedEvent> events) {
            }

            @Override
            public void reset() {
            }
        };
    }

    private static Projection renamed(Projection projection, String name) {
        return new Projection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(List<ProjectedEvent> events) {
                projection.apply(events);
            }

            @Override
            public void reset() {
                projection.reset();
            }
        };
    }

    /** Communities of seven members, each with 50 questions answered, viewed, thanked and liked. */
    private static int publish(String brokers, int target) {
        int published = 0;
        try (TestEventPublisher publisher = new TestEventPublisher(brokers, TOPIC)) {
            while (published < target) {
                UUID community = UUID.randomUUID();
                List<CommunityEvent> events = new ArrayList<>();
                events.add(founded(community, "carol", "Replay", "speed"));
                for (String member : MEMBERS) {
                    if (!member.equals("carol")) {
                        events.add(joined(community, member, null));
                    }
                }
                for (int q = 0; q < 50; q++) {
                    UUID question = UUID.randomUUID();
                    String asker = MEMBERS[q % MEMBERS.length];
                    String helper = MEMBERS[(q + 1) % MEMBERS.length];
                    events.add(posted(community, question, asker, ContributionKind.QUESTION, "Q" + q));
                    UUID answer = UUID.randomUUID();
                    events.add(answered(community, answer, helper, question, asker));
                    events.add(viewed(community, answer, asker, helper));
                    events.add(reacted(community, answer, asker, helper, ReactionKind.THANKS));
                    events.add(reacted(community, question, helper, asker, ReactionKind.LIKE));
                }
                published += publisher.publishAll(events).size();
            }
        }
        return published;
    }
}
