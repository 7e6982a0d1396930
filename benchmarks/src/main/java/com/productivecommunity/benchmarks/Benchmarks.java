package com.productivecommunity.benchmarks;

import com.productivecommunity.harness.ManagedProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Runs the workloads of benchmarks/README.md against the platform as shipped and against raw baselines on the
 * same machine in the same run, prints a table and writes JSON to benchmarks/target/results/.
 */
public final class Benchmarks {

    private static final int PARTITIONS = 6;

    private final Options options;
    private final Path root;
    private final BenchPlatform platform;
    private final Results results = new Results();
    private final RawBaselines raw = new RawBaselines();
    private final Api api = new Api();
    private boolean rawSchema;

    private Benchmarks(Options options, Path root) {
        this.options = options;
        this.root = root;
        if (options.jfr() != null) {
            System.setProperty("bench.jfr." + options.jfr(),
                    root.resolve("benchmarks/target/jfr/" + options.jfr() + "-" + stamp() + ".jfr").toString());
        }
        this.platform = new BenchPlatform(root, options.jvmOptions());
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path root = Path.of(System.getProperty("bench.root", "")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("benchmarks")) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("Run from the repository root (or set -Dbench.root): " + root);
        }
        Path lockFile = root.resolve(".platform/bench/run.lock");
        Files.createDirectories(lockFile.getParent());
        java.nio.channels.FileChannel lockChannel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        if (lockChannel.tryLock() == null) {
            // Two runs would share the broker's data directory and corrupt it.
            System.err.println("Another benchmark run is in progress (" + lockFile + ")");
            System.exit(2);
        }
        Benchmarks benchmarks = new Benchmarks(options, root);
        int status = 0;
        try {
            benchmarks.run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            benchmarks.platform.close();
        }
        System.exit(status);
    }

    private void run(String[] args) throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("command", "./benchmarks/run " + String.join(" ", args));
        run.put("started", Instant.now().toString());
        run.put("options", options);
        run.put("machine", Machine.facts());
        run.put("loadAverageAtStart", Machine.loadAverage());
        System.out.println("Machine: " + run.get("machine") + ", load average " + run.get("loadAverageAtStart"));
        platform.snapshotJars();
        platform.startBroker();
        if (options.workloads().contains("raw")) {
            rawOnly();
        }
        if (options.workloads().contains("ingest") || options.workloads().contains("e2e")) {
            commands();
        }
        if (options.workloads().contains("replay")) {
            replay();
        }
        if (options.workloads().contains(Options.AUDIT)) {
            audit();
        }
        if (options.workloads().contains("feed")) {
            feed();
        }
        if (options.workloads().contains("search")) {
            search();
        }
        run.put("finished", Instant.now().toString());
        run.put("loadAverageAtEnd", Machine.loadAverage());
        String table = results.table();
        System.out.println();
        System.out.println(table);
        Path dir = root.resolve("benchmarks/target/results");
        results.writeJson(dir.resolve("bench-" + stamp() + ".json"), run);
        results.writeJson(dir.resolve("latest.json"), run);
        Files.writeString(dir.resolve("latest.md"), "Command: `" + run.get("command") + "`\n\nMachine: "
                + run.get("machine") + "; load average at start " + run.get("loadAverageAtStart") + ", at end "
                + run.get("loadAverageAtEnd") + "\n\n" + table + "\n");
        writeSummary(run);
        System.out.println("JSON: " + dir.resolve("latest.json") + ", summary: " + root.resolve("benchmarks/results.json"));
    }

    /** The issue's keys (benchmarks/results.json), medians of this run. */
    private void writeSummary(Map<String, Object> run) {
        Map<String, Double> medians = new LinkedHashMap<>();
        String ingest = "Command ingest, 16 clients";
        String replay = "Replay of " + String.format("%,d", options.events()) + " events";
        String e2e = "End to end at " + options.e2eRate() + " commands/s";
        medians.put("ingest_ratio_16", results.median(ingest, "ratio platform ÷ raw", "throughput"));
        medians.put("ingest_ratio_16_event_sourced", results.median(ingest, "ratio platform ÷ raw event-sourced append", "throughput"));
        medians.put("ingest_cps_16", results.median(ingest, "platform: HTTP commands (45% post, 45% react, 10% view)", "throughput"));
        medians.put("command_cpu_ms", results.median(ingest, "platform: command-service CPU per command", "CPU time"));
        medians.put("replay_query_eps", results.median(replay, "platform: query-service rebuild", "throughput"));
        medians.put("replay_analytics_eps", results.median(replay, "platform: analytics-service rebuild", "throughput"));
        medians.put("raw_consumer_eps", results.median(replay, "raw: KafkaConsumer from offset 0, tuned (best of the settings above)", "throughput"));
        medians.put("raw_copy_rows_s", results.median(replay, "raw: COPY of contribution-shaped rows (PK + 2 indexes, 10,000 rows/COPY and tx)", "throughput"));
        medians.put("e2e_feed_p99_ms", results.median(e2e, "accepted → visible in the member's feed", "latency p99"));
        medians.put("e2e_analytics_p99_ms", results.median(e2e, "accepted → counted in analytics", "latency p99"));
        double feed = Double.NaN;
        for (String page : List.of("home feed, first page (20)", "community feed, first page (20)", "home feed, page 51 via next",
                "community feed, page 51 via next")) {
            double p99 = results.medianOfWorkloadStartingWith("Feed read, ", page, "latency p99");
            if (!Double.isNaN(p99)) {
                feed = Double.isNaN(feed) ? p99 : Math.max(feed, p99);
            }
        }
        medians.put("feed_p99_ms", feed);
        double search = Double.NaN;
        for (String kind : SEARCHES) {
            double p99 = results.medianOfWorkloadStartingWith("Search, ", kind, "latency p99");
            if (!Double.isNaN(p99)) {
                search = Double.isNaN(search) ? p99 : Math.max(search, p99);
            }
        }
        medians.put("search_p99_ms", search);
        double load = Double.parseDouble(run.get("loadAverageAtStart").toString().split(" ")[0]);
        results.writeSummary(root.resolve("benchmarks/results.json"), medians, Runtime.getRuntime().availableProcessors(), load);
    }

    private static String stamp() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    }

    // ---- command ingest and end to end -------------------------------------------------------------

    private void commands() throws Exception {
        String topic = "bench-live-" + System.currentTimeMillis();
        for (String db : List.of("pc_command_bench", "pc_query_bench", "pc_analytics_bench")) {
            BenchPlatform.recreateDatabase(db);
        }
        System.out.println("Starting the services on topic " + topic);
        platform.startServices(Map.of("command-service", "pc_command_bench", "query-service", "pc_query_bench",
                "analytics-service", "pc_analytics_bench"), topic, List.of(), true);
        CommandTraffic traffic = new CommandTraffic(api, platform.url("command-service"));
        traffic.setUp(20);
        // Warm-up, not measured: the JIT compiles the hot paths and each member's first (BCrypt) login is cached.
        // A JFR recording showed C2 still compiling for 40 s of compiler time in a window after a 15 s warm-up.
        closedLoop(options.clients().stream().max(Integer::compare).orElse(16), Duration.ofSeconds(options.warmupSeconds()), traffic);
        for (int round = 1; round <= options.rounds(); round++) {
            System.out.println("Round " + round);
            double capacity = Double.NaN;
            if (options.workloads().contains("ingest")) {
                capacity = ingest(traffic);
            }
            if (options.workloads().contains("e2e")) {
                endToEnd(traffic, options.e2eRate(), "");
                if (!Double.isNaN(capacity) && capacity / 2 < options.e2eRate()) {
                    // Also at a rate the command side sustains, so the pipeline's own latency shows.
                    endToEnd(traffic, Math.max(1, (int) (capacity / 2)), " half the 16-client ingest rate");
                }
            }
        }
        for (String module : List.of("analytics-service", "query-service", "command-service")) {
            platform.stopService(module);
        }
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    // ---- the audit log's cost -------------------------------------------------------------------------

    /**
     * Command ingest at the highest client count with the audit log off and on (alternating, each round on a
     * fresh database, after the warm-up), stored events/s and commands/s; with the log on, how far it lags when
     * the traffic stops and how long it takes to catch up. Then the appender alone: the service restarted with
     * the log on over the history stored with it off, time until every event is logged.
     */
    private void audit() throws Exception {
        int clients = options.clients().stream().max(Integer::compare).orElse(16);
        String workload = "Audit log cost, " + clients + " clients";
        for (int round = 1; round <= options.rounds(); round++) {
            for (boolean on : List.of(false, true)) {
                System.out.println("Audit round " + round + ", log " + (on ? "on" : "off"));
                String topic = "bench-audit-" + System.currentTimeMillis();
                BenchPlatform.recreateDatabase("pc_command_bench");
                List<String> extra = List.of("--platform.audit.enabled=" + on);
                platform.startService("command-service", "pc_command_bench", topic, extra, true);
                CommandTraffic traffic = new CommandTraffic(api, platform.url("command-service"));
                traffic.setUp(20);
                closedLoop(clients, Duration.ofSeconds(options.warmupSeconds()), traffic);
                long eventsBefore = count("SELECT count(*) FROM domain_event_entry");
                RawBaselines.Throughput run = closedLoop(clients, Duration.ofSeconds(options.ingestSeconds()), traffic);
                long events = count("SELECT count(*) FROM domain_event_entry");
                double seconds = run.seconds();
                String label = "log " + (on ? "on" : "off");
                results.add(workload, label + ": HTTP commands", "throughput", "commands/s", run.perSecond());
                results.add(workload, label + ": events stored", "throughput", "events/s", (events - eventsBefore) / seconds);
                results.add(workload, label + ": HTTP commands", "latency p99", "ms", run.latencies().percentileMillis(99));
                if (on) {
                    long lag = events - count("SELECT count(*) FROM audit_leaf");
                    long t0 = System.nanoTime();
                    awaitLogged(events);
                    results.add(workload, "log on: events not yet logged when the traffic stops", "lag", "events", lag);
                    results.add(workload, "log on: catching up after the traffic", "time", "ms", (System.nanoTime() - t0) / 1e6);
                } else {
                    // The appender alone over what was stored with the log off: restart with it on, in batches of
                    // 50 so that the transactions' start times (audit_leaf.appended_at) time it, start-up excluded.
                    platform.startService("command-service", "pc_command_bench", topic,
                            List.of("--platform.audit.batch-size=50"), true);
                    awaitLogged(events);
                    double rate = rate("SELECT (count(*) - count(*) FILTER (WHERE appended_at = (SELECT min(appended_at)"
                            + " FROM audit_leaf)))::float8 / nullif(extract(epoch FROM max(appended_at) - min(appended_at)), 0)"
                            + " FROM audit_leaf");
                    results.add(workload, "appender alone: the log-off history (" + events + " events) logged after a restart",
                            "throughput", "events/s", rate);
                }
                platform.stopService("command-service");
                try (Admin admin = admin()) {
                    admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static long count(String sql) throws java.sql.SQLException {
        try (java.sql.Connection connection = BenchPlatform.connect("pc_command_bench");
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double rate(String sql) throws java.sql.SQLException {
        try (java.sql.Connection connection = BenchPlatform.connect("pc_command_bench");
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            double value = rows.getDouble(1);
            return rows.wasNull() ? Double.NaN : value;
        }
    }

    private static void awaitLogged(long events) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (count("SELECT count(*) FROM audit_leaf") < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the audit log did not catch up with " + events + " events");
            }
            Thread.sleep(20);
        }
    }

    private String rawAppendTopic;

    /** The topic the raw append baseline produces to: its own, so that no projection reads it. */
    private String rawAppendTopic() throws Exception {
        if (rawAppendTopic == null) {
            rawAppendTopic = "bench-raw-append-" + System.currentTimeMillis();
            try (Admin admin = admin()) {
                admin.createTopics(List.of(new NewTopic(rawAppendTopic, PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
            }
        }
        return rawAppendTopic;
    }

    /** Only the raw baselines (no service): the command side's and the replay's, {@code --only raw}. */
    private void rawOnly() throws Exception {
        raw.createSchema();
        rawSchema = true;
        long n = options.events();
        String topic = "bench-replay-" + n;
        ensureTopic(topic, n, EventHistory.Mix.REALISTIC, (int) Math.max(10, Math.min(1000, n / 1000)),
                (int) Math.max(100, Math.min(10_000, n / 100)));
        for (int round = 1; round <= options.rounds(); round++) {
            System.out.println("Raw round " + round);
            for (int clients : options.clients()) {
                String workload = "Command ingest, " + clients + (clients == 1 ? " client" : " clients");
                RawBaselines.Throughput rawRun = raw.singleRowInserts(clients, Duration.ofSeconds(options.ingestSeconds()));
                RawBaselines.Throughput appendRun = raw.eventSourcedAppends(clients, Duration.ofSeconds(options.ingestSeconds()),
                        platform.bootstrapServers(), rawAppendTopic());
                results.add(workload, "raw: single-row JDBC insert + commit", "throughput", "rows/s", rawRun.perSecond());
                results.add(workload, "raw: event-sourced append (cached version, INSERT, COMMIT, produce)", "throughput",
                        "commands/s", appendRun.perSecond());
                results.add(workload, "raw: event-sourced append", "latency p50", "ms", appendRun.latencies().percentileMillis(50));
                results.add(workload, "raw: event-sourced append", "latency p99", "ms", appendRun.latencies().percentileMillis(99));
            }
            rawReplay(topic, "Replay of " + String.format("%,d", n) + " events", round);
        }
    }

    /** The replay's raw baselines: the consumer under every tuning candidate (the best is the baseline), decode, INSERT, COPY. */
    private Map<String, Double> rawReplay(String topic, String workload, int round) throws Exception {
        Map<String, Double> baselines = new LinkedHashMap<>();
        RawBaselines.ConsumerTuning best = null;
        double bestRate = 0;
        // Alternate the order between rounds: the first read of a round may find less of the log in the page cache.
        List<RawBaselines.ConsumerTuning> candidates = new ArrayList<>(RawBaselines.ConsumerTuning.CANDIDATES);
        if (round % 2 == 0) {
            java.util.Collections.reverse(candidates);
        }
        for (RawBaselines.ConsumerTuning tuning : candidates) {
            double rate = raw.rawConsume(platform.bootstrapServers(), topic, tuning).perSecond();
            results.add(workload, "raw: KafkaConsumer, " + tuning.name(), "throughput", "events/s", rate);
            if (rate > bestRate) {
                bestRate = rate;
                best = tuning;
            }
        }
        results.note("raw consumer: the best setting of a round is the baseline; last round's best: " + best.describe());
        raw.useTuning(best);
        results.add(workload, "raw: KafkaConsumer from offset 0, tuned (best of the settings above)", "throughput", "events/s", bestRate);
        RawBaselines.Throughput decode = raw.rawConsumeAndDecode(platform.bootstrapServers(), topic);
        RawBaselines.Throughput insert = raw.rawConsumeAndBatchInsert(platform.bootstrapServers(), topic);
        RawBaselines.Throughput copyReplay = raw.rawConsumeAndCopy(platform.bootstrapServers(), topic);
        RawBaselines.Throughput copy = raw.copyRows(options.events(), 10_000);
        results.add(workload, "raw: tuned KafkaConsumer + EventCodec decode", "throughput", "events/s", decode.perSecond());
        results.add(workload, "raw: consume + decode + batched INSERT (1 row/event, 1 tx/poll)", "throughput", "events/s", insert.perSecond());
        results.add(workload, "raw: consume + decode + COPY (1 row/event, 1 COPY and 1 tx/poll)", "throughput", "events/s",
                copyReplay.perSecond());
        results.add(workload, "raw: COPY of contribution-shaped rows (PK + 2 indexes, 10,000 rows/COPY and tx)", "throughput",
                "rows/s", copy.perSecond());
        baselines.put("consumer", bestRate);
        baselines.put("insert", insert.perSecond());
        baselines.put("copy", copyReplay.perSecond());
        return baselines;
    }

    /** Returns the platform's throughput at the highest concurrency. */
    private double ingest(CommandTraffic traffic) throws Exception {
        if (!rawSchema) {
            raw.createSchema();
            rawSchema = true;
        }
        double last = Double.NaN;
        for (int clients : options.clients()) {
            String workload = "Command ingest, " + clients + (clients == 1 ? " client" : " clients");
            ManagedProcess command = platform.service("command-service");
            long cpuBefore = command.cpuMillis();
            long machineBefore = Machine.busyMillis();
            RawBaselines.Throughput platformRun = closedLoop(clients, Duration.ofSeconds(options.ingestSeconds()), traffic);
            long cpu = command.cpuMillis() - cpuBefore;
            long machine = Machine.busyMillis() - machineBefore;
            RawBaselines.Throughput rawRun = raw.singleRowInserts(clients, Duration.ofSeconds(options.ingestSeconds()));
            RawBaselines.Throughput appendRun = raw.eventSourcedAppends(clients, Duration.ofSeconds(options.ingestSeconds()),
                    platform.bootstrapServers(), rawAppendTopic());
            results.add(workload, "platform: HTTP commands (45% post, 45% react, 10% view)", "throughput", "commands/s", platformRun.perSecond());
            results.add(workload, "platform: HTTP commands", "latency p50", "ms", platformRun.latencies().percentileMillis(50));
            results.add(workload, "platform: HTTP commands", "latency p99", "ms", platformRun.latencies().percentileMillis(99));
            results.add(workload, "platform: command-service CPU per command", "CPU time", "ms", (double) cpu / platformRun.count());
            results.add(workload, "platform: whole machine CPU busy per command", "CPU time", "ms", (double) machine / platformRun.count());
            results.add(workload, "raw: single-row JDBC insert + commit", "throughput", "rows/s", rawRun.perSecond());
            results.add(workload, "raw: single-row JDBC insert + commit", "latency p50", "ms", rawRun.latencies().percentileMillis(50));
            results.add(workload, "raw: single-row JDBC insert + commit", "latency p99", "ms", rawRun.latencies().percentileMillis(99));
            results.add(workload, "raw: event-sourced append (cached version, INSERT, COMMIT, produce)", "throughput", "commands/s",
                    appendRun.perSecond());
            results.add(workload, "raw: event-sourced append", "latency p50", "ms", appendRun.latencies().percentileMillis(50));
            results.add(workload, "raw: event-sourced append", "latency p99", "ms", appendRun.latencies().percentileMillis(99));
            results.add(workload, "ratio platform ÷ raw", "throughput", "", platformRun.perSecond() / rawRun.perSecond());
            results.add(workload, "ratio platform ÷ raw event-sourced append", "throughput", "",
                    platformRun.perSecond() / appendRun.perSecond());
            last = platformRun.perSecond();
        }
        return last;
    }

    private RawBaselines.Throughput closedLoop(int clients, Duration duration, CommandTraffic traffic) throws InterruptedException {
        Samples latencies = new Samples();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean success;
                    try {
                        success = traffic.any().success();
                    } catch (RuntimeException e) {
                        success = false;
                    }
                    latencies.add(System.nanoTime() - t0);
                    (success ? ok : failed).incrementAndGet();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            results.note(clients + " clients: " + failed.get() + " commands were rejected (not counted)");
        }
        return new RawBaselines.Throughput(ok.get(), seconds, latencies);
    }

    /**
     * Posts at a steady rate (open loop); for every {@code e2eSample}-th post, reads the poster's home feed and
     * figures with X-Await-Position: the read returns once the projection has applied the post.
     */
    private void endToEnd(CommandTraffic traffic, int rate, String label) throws Exception {
        String query = platform.url("query-service");
        String analytics = platform.url("analytics-service");
        long total = (long) rate * options.e2eSeconds();
        Samples commandLatency = new Samples();
        Samples feed = new Samples();
        Samples figures = new Samples();
        AtomicLong accepted = new AtomicLong();
        AtomicLong notReached = new AtomicLong();
        AtomicLong failedCommands = new AtomicLong();
        List<CompletableFuture<?>> reads = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        long late = 0;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            } else if (wait < -50_000_000L) {
                late++;
            }
            final long index = i;
            senders.submit(() -> {
                long t0 = System.nanoTime();
                boolean isPost = index % 10 < 7;
                CommandTraffic.Outcome outcome;
                try {
                    outcome = isPost ? traffic.anyPost() : traffic.react();
                } catch (RuntimeException e) {
                    failedCommands.incrementAndGet();
                    return;
                }
                long acceptedAt = System.nanoTime();
                commandLatency.add(acceptedAt - t0);
                if (!outcome.success()) {
                    failedCommands.incrementAndGet();
                    return;
                }
                accepted.incrementAndGet();
                if (isPost && index % options.e2eSample() == 0 && outcome.position() != null) {
                    reads.add(api.getAsync(query + "/api/feed?limit=1", outcome.member(), outcome.position())
                            .handle((r, failure) -> record(r, acceptedAt, feed, notReached)));
                    reads.add(api.getAsync(analytics + "/api/analytics/communities/" + outcome.communityId() + "/members/"
                            + outcome.member(), outcome.member(), outcome.position())
                            .handle((r, failure) -> record(r, acceptedAt, figures, notReached)));
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        String workload = label.isEmpty() ? "End to end at " + rate + " commands/s" : "End to end at" + label;
        results.add(workload, "commands sent", "target rate", "commands/s", rate);
        results.add(workload, "commands accepted", "throughput", "commands/s", accepted.get() / seconds);
        results.add(workload, "command (HTTP) latency", "p99", "ms", commandLatency.percentileMillis(99));
        results.add(workload, "accepted → visible in the member's feed", "latency p50", "ms", feed.percentileMillis(50));
        results.add(workload, "accepted → visible in the member's feed", "latency p99", "ms", feed.percentileMillis(99));
        results.add(workload, "accepted → counted in analytics", "latency p50", "ms", figures.percentileMillis(50));
        results.add(workload, "accepted → counted in analytics", "latency p99", "ms", figures.percentileMillis(99));
        if (notReached.get() > 0 || late > 0 || failedCommands.get() > 0) {
            results.note("end to end: " + notReached.get() + " awaited reads failed or timed out (5 s), "
                    + failedCommands.get() + " commands failed, " + late + " commands sent more than 50 ms late by the load generator");
        }
    }

    /** A read that failed or timed out counts as not reached, and its time is kept: it is a true latency. */
    private static Void record(HttpResponse<String> response, long acceptedAt, Samples samples, AtomicLong notReached) {
        samples.add(System.nanoTime() - acceptedAt);
        if (response == null || response.statusCode() != 200 || !"true".equals(response.headers().firstValue("X-Position-Reached").orElse(null))) {
            notReached.incrementAndGet();
        }
        return null;
    }

    // ---- replay -------------------------------------------------------------------------------------

    private void replay() throws Exception {
        long n = options.events();
        String topic = "bench-replay-" + n;
        ensureTopic(topic, n, EventHistory.Mix.REALISTIC, (int) Math.max(10, Math.min(1000, n / 1000)),
                (int) Math.max(100, Math.min(10_000, n / 100)));
        if (!rawSchema) {
            raw.createSchema();
            rawSchema = true;
        }
        Map<String, String> databases = new LinkedHashMap<>();
        databases.put("query-service", "pc_query_replay_bench");
        databases.put("analytics-service", "pc_analytics_replay_bench");
        options.before().forEach((module, jar) -> databases.put(platform.addBefore(module, Path.of(jar).toAbsolutePath()),
                "pc_" + module.replace("-service", "") + "_before_replay_bench"));
        Map<String, String> projections = new LinkedHashMap<>();
        databases.keySet().forEach(name -> projections.put(name, name.startsWith("query-service") ? "query" : "analytics"));
        databases.values().forEach(BenchPlatform::recreateDatabase);
        List<String> manual = List.of("--platform.projection.auto-startup=false");
        Map<String, String> main = new LinkedHashMap<>(databases);
        main.keySet().removeIf(name -> name.contains("@"));
        platform.startServices(main, topic, manual, false);
        String workload = "Replay of " + String.format("%,d", n) + " events";
        for (int round = 1; round <= options.rounds(); round++) {
            System.out.println("Replay round " + round);
            Map<String, Double> rates = new LinkedHashMap<>();
            for (String module : databases.keySet()) {
                String projection = projections.get(module);
                String mainModule = module.contains("@") ? module.substring(0, module.indexOf('@')) : module;
                if (!module.equals(mainModule)) {
                    // Both instances would share the projection's consumer group (and split the partitions).
                    platform.stopService(mainModule);
                    platform.startService(module, databases.get(module), topic, manual, false);
                }
                ManagedProcess process = platform.service(module);
                Api.Reply reply = api.post(platform.url(module) + "/api/admin/projections/" + projection + "/rebuild", "dana", null);
                if (reply.status() != 202) {
                    throw new IllegalStateException("Rebuild of " + projection + " answered " + reply.status() + ": " + reply.body());
                }
                long cpuBefore = process.cpuMillis();
                long start = System.nanoTime();
                // The rebuild runs in the background: the old offsets are gone once the projection runs again.
                while (!api.get(platform.url(module) + "/api/admin/projections/" + projection, "dana").body()
                        .contains("\"state\":\"RUNNING\"")) {
                    Thread.sleep(20);
                }
                long peakRss = 0;
                long deadline = start + Duration.ofSeconds(120 + n / 300).toNanos();
                long applied;
                while ((applied = BenchPlatform.storedOffsets(databases.get(module), projection)) < n) {
                    peakRss = Math.max(peakRss, process.memoryKib("VmRSS"));
                    if (System.nanoTime() > deadline || !process.isAlive()) {
                        throw new IllegalStateException(module + " replay stuck at " + applied + " of " + n + "; log " + process.log());
                    }
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                rates.put(module, n / seconds);
                results.add(workload, "platform: " + module + " rebuild", "throughput", "events/s", n / seconds);
                results.add(workload, "platform: " + module + " rebuild", "peak RSS", "MiB", peakRss / 1024.0);
                results.add(workload, "platform: " + module + " rebuild", "service CPU per 1,000 events", "ms",
                        (process.cpuMillis() - cpuBefore) * 1000.0 / n);
                if (!module.equals(mainModule)) {
                    platform.stopService(module);
                    platform.startService(mainModule, databases.get(mainModule), topic, manual, false);
                }
            }
            Map<String, Double> baselines = rawReplay(topic, workload, round);
            for (Map.Entry<String, Double> rate : rates.entrySet()) {
                results.add(workload, "ratio " + rate.getKey() + " ÷ tuned raw consumer", "throughput", "", rate.getValue() / baselines.get("consumer"));
                results.add(workload, "ratio " + rate.getKey() + " ÷ raw batched insert", "throughput", "", rate.getValue() / baselines.get("insert"));
                results.add(workload, "ratio " + rate.getKey() + " ÷ raw COPY projection", "throughput", "", rate.getValue() / baselines.get("copy"));
            }
        }
        results.note("replay topic " + topic + ": " + RawBaselines.describe(topicCounts(topic)));
        databases.keySet().forEach(platform::stopService);
    }

    // ---- feed reads ---------------------------------------------------------------------------------

    private void feed() throws Exception {
        long m = options.feedContributions();
        String topic = "bench-feed-" + m;
        int communities = 1000;
        int members = 10_000;
        if (options.quick()) {
            communities = 100;
            members = 1000;
        }
        // Setup events (foundings, joins) come first; every event after them is a contribution, so the
        // topic holds at least m contributions.
        long total = m + communities + 50L + 3L * members;
        ensureTopic(topic, total, EventHistory.Mix.CONTRIBUTIONS, communities, members);
        String database = "pc_query_feed_" + m + "_bench";
        boolean reuse = BenchPlatform.databaseExists(database) && BenchPlatform.storedOffsets(database, "query") == total;
        if (!reuse) {
            BenchPlatform.recreateDatabase(database);
        }
        platform.startService("query-service", database, topic, List.of(), false);
        long start = System.nanoTime();
        long applied;
        long lastPrint = 0;
        while ((applied = BenchPlatform.storedOffsets(database, "query")) < total) {
            if (System.nanoTime() - lastPrint > 30_000_000_000L) {
                System.out.printf("    query-service loading the feed topic: %,d of %,d events%n", Math.max(0, applied), total);
                lastPrint = System.nanoTime();
            }
            if (!platform.service("query-service").isAlive()) {
                throw new IllegalStateException("query-service exited; log " + platform.service("query-service").log());
            }
            Thread.sleep(1000);
        }
        if (!reuse) {
            results.note(String.format("feed data loaded through query-service's projection once: %,d events in %.0f s",
                    total, (System.nanoTime() - start) / 1e9));
        }
        long stored;
        try (Connection connection = BenchPlatform.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM contribution")) {
            rows.next();
            stored = rows.getLong(1);
        }
        String q = platform.url("query-service");
        String workload = String.format("Feed read, %,d contributions stored", stored);
        String user = "alice";
        Api.Reply home = api.get(q + "/api/feed?limit=20", user);
        String community = home.json().get("items").get(0).get("communityId").asText();
        String homeDeep = deepCursor(q + "/api/feed?limit=20", user, 50);
        String communityDeep = deepCursor(q + "/api/communities/" + community + "/feed?limit=20", user, 50);
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("home feed, first page (20)", q + "/api/feed?limit=20");
        urls.put("community feed, first page (20)", q + "/api/communities/" + community + "/feed?limit=20");
        urls.put("home feed, page 51 via next", q + "/api/feed?limit=20&before=" + homeDeep);
        urls.put("community feed, page 51 via next", q + "/api/communities/" + community + "/feed?limit=20&before=" + communityDeep);
        for (int round = 1; round <= options.rounds(); round++) {
            Map<String, Samples> samples = new LinkedHashMap<>();
            urls.keySet().forEach(k -> samples.put(k, new Samples()));
            for (int i = 0; i < options.feedRequests() + 50; i++) {
                for (Map.Entry<String, String> url : urls.entrySet()) {
                    long t0 = System.nanoTime();
                    Api.Reply reply = api.get(url.getValue(), user);
                    long elapsed = System.nanoTime() - t0;
                    if (reply.status() != 200) {
                        throw new IllegalStateException(url.getValue() + " answered " + reply.status() + ": " + reply.body());
                    }
                    if (i >= 50) {
                        samples.get(url.getKey()).add(elapsed);
                    }
                }
            }
            samples.forEach((name, s) -> {
                results.add(workload, name, "latency p50", "ms", s.percentileMillis(50));
                results.add(workload, name, "latency p99", "ms", s.percentileMillis(99));
            });
        }
        platform.stopService("query-service");
    }

    private String deepCursor(String url, String user, int pages) {
        String cursor = null;
        for (int page = 0; page < pages; page++) {
            Api.Reply reply = api.get(cursor == null ? url : url + "&before=" + cursor, user);
            var next = reply.json().get("next");
            if (next == null || next.isNull()) {
                break;
            }
            cursor = next.asText();
        }
        return cursor;
    }

    // ---- search -------------------------------------------------------------------------------------

    private static final List<String> SEARCHES = List.of("rare word", "medium word", "common word",
            "two words (common and medium)", "phrase of two common words", "common word in the busiest community",
            "common word by one author", "common word, page 2 via next");

    /**
     * GET /api/search on a fresh query database that query-service's Flyway migrations made, with N contributions
     * loaded straight into it (SearchData); alice, one client, sequential, ten queries per kind in turn, after
     * warm-up requests. The database is dropped afterwards.
     */
    private void search() throws Exception {
        long n = options.searchContributions();
        int communities = (int) Math.max(10, Math.min(1000, n / 1000));
        String database = "pc_query_search_bench";
        String topic = "bench-search-" + System.currentTimeMillis();
        BenchPlatform.recreateDatabase(database);
        try {
            platform.startService("query-service", database, topic, List.of(), true);
            long start = System.nanoTime();
            SearchData.load(database, n, communities);
            results.note(String.format("search data: %,d contributions over %,d communities, INSERT … SELECT generate_series"
                    + " into the migrated schema, GIN index built after: %.0f s", n, communities, (System.nanoTime() - start) / 1e9));
            String q = platform.url("query-service") + "/api/search?limit=20&q=";
            String user = "alice";
            Map<String, List<String>> urls = new LinkedHashMap<>();
            SEARCHES.forEach(kind -> urls.put(kind, new ArrayList<>()));
            for (int i = 0; i < 10; i++) {
                String common = SearchData.word(i);
                urls.get("rare word").add(q + SearchData.word(40_000 + i));
                urls.get("medium word").add(q + SearchData.word(100 + i));
                urls.get("common word").add(q + common);
                urls.get("two words (common and medium)").add(q + common + "+" + SearchData.word(100 + i));
                urls.get("phrase of two common words").add(q + "%22" + common + "+" + SearchData.word((i + 1) % 10) + "%22");
                urls.get("common word in the busiest community").add(q + common + "&community=" + SearchData.communityId(0));
                urls.get("common word by one author").add(q + common + "&author=member" + (42 + i));
                Api.Reply first = api.get(q + common, user);
                if (first.status() != 200 || first.json().get("next").isNull()) {
                    throw new IllegalStateException("search for " + common + " answered " + first.status() + ": " + first.body());
                }
                urls.get("common word, page 2 via next").add(q + common + "&before=" + first.json().get("next").asText());
            }
            results.note(String.format("search matches (contributions): rare word %,d, medium %,d, common %,d, common and medium %,d,"
                            + " phrase %,d (words 40000, 100, 0; of 50,000)",
                    SearchData.matches(database, SearchData.word(40_000)), SearchData.matches(database, SearchData.word(100)),
                    SearchData.matches(database, SearchData.word(0)),
                    SearchData.matches(database, SearchData.word(0) + " " + SearchData.word(100)),
                    SearchData.matches(database, "\"" + SearchData.word(0) + " " + SearchData.word(1) + "\"")));
            String workload = String.format("Search, %,d contributions stored", n);
            for (int round = 1; round <= options.rounds(); round++) {
                for (Map.Entry<String, List<String>> kind : urls.entrySet()) {
                    Samples samples = new Samples();
                    List<String> list = kind.getValue();
                    for (int i = 0; i < options.searchRequests() + 20; i++) {
                        String url = list.get(i % list.size());
                        long t0 = System.nanoTime();
                        Api.Reply reply = api.get(url, user);
                        long elapsed = System.nanoTime() - t0;
                        if (reply.status() != 200) {
                            throw new IllegalStateException(url + " answered " + reply.status() + ": " + reply.body());
                        }
                        if (i >= 20) {
                            samples.add(elapsed);
                        }
                    }
                    results.add(workload, kind.getKey(), "latency p50", "ms", samples.percentileMillis(50));
                    results.add(workload, kind.getKey(), "latency p99", "ms", samples.percentileMillis(99));
                }
            }
        } finally {
            platform.stopService("query-service");
            BenchPlatform.dropDatabase(database);
            try (Admin admin = admin()) {
                if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                    admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    // ---- topics -------------------------------------------------------------------------------------

    private Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        return Admin.create(properties);
    }

    private Path marker(String topic) {
        return platform.work().resolve("topics/" + topic + ".properties");
    }

    private Map<String, Long> topicCounts(String topic) throws Exception {
        Properties counts = new Properties();
        try (var in = Files.newInputStream(marker(topic))) {
            counts.load(in);
        }
        Map<String, Long> result = new java.util.TreeMap<>();
        counts.forEach((k, v) -> result.put(k.toString(), Long.parseLong(v.toString())));
        return result;
    }

    /** Generates the topic once; later runs reuse it when the broker still holds all its events. */
    private void ensureTopic(String topic, long total, EventHistory.Mix mix, int communities, int members) throws Exception {
        try (Admin admin = admin()) {
            boolean exists = admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic);
            if (exists && Files.exists(marker(topic)) && RawBaselines.topicSize(platform.bootstrapServers(), topic) == total) {
                System.out.println("Reusing topic " + topic + " (" + total + " events)");
                return;
            }
            if (exists) {
                admin.deleteTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
                Thread.sleep(2000);
            }
            System.out.printf("Generating topic %s: %,d events over %,d communities and %,d members%n", topic, total, communities, members);
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1"))))
                    .all().get(60, TimeUnit.SECONDS);
        }
        long start = System.nanoTime();
        Map<String, Long> counts = EventHistory.generate(platform.bootstrapServers(), topic, total, mix, communities, members, 42);
        System.out.printf("  generated in %.0f s: %s%n", (System.nanoTime() - start) / 1e9, RawBaselines.describe(counts));
        Properties properties = new Properties();
        counts.forEach((k, v) -> properties.setProperty(k, Long.toString(v)));
        Files.createDirectories(marker(topic).getParent());
        try (var out = Files.newOutputStream(marker(topic))) {
            properties.store(out, "events of topic " + topic);
        }
    }
}
