package com.productivecommunity.benchmarks;

import com.productivecommunity.harness.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as shipped: the kafka-broker jar (data kept in {@code .platform/bench/kafka}, so generated
 * topics survive between runs) and the packaged service jars, each its own process on a free port, on
 * databases of their own ({@code pc_*_bench}).
 */
final class BenchPlatform implements AutoCloseable {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Duration STARTUP = Duration.ofMinutes(5);

    private final Path root;
    private final Path work;
    private final List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Thread cleanupOnExit = new Thread(this::close, "benchmark-cleanup");
    private final java.util.Set<String> copied = new java.util.HashSet<>();
    private final Map<String, Path> alternativeJars = new LinkedHashMap<>();
    private ManagedProcess broker;
    private String bootstrapServers;

    BenchPlatform(Path root, List<String> jvmOptions) {
        this.root = root;
        this.work = root.resolve(".platform/bench");
        this.jvmOptions = List.copyOf(jvmOptions);
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    Path work() {
        return work;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    /**
     * The run's own copy of a module's packaged jar: copied once per run, so a build running meanwhile
     * (the machine is shared) cannot swap a jar under a starting service.
     */
    Path jar(String module) {
        Path copy = work.resolve("jars").resolve(module + ".jar");
        if (copied.add(module)) {
            try {
                Files.createDirectories(copy.getParent());
                Files.copy(root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar"), copy,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Packaged jar of " + module + " missing: run ./benchmarks/run", e);
            }
        }
        return copy;
    }

    /** Registers {@code module@before} to run from another jar (an earlier build, for before/after in one run). */
    String addBefore(String module, Path jar) {
        String name = module + "@before";
        alternativeJars.put(name, jar);
        return name;
    }

    /** Copies every jar up front. */
    void snapshotJars() {
        List.of("kafka-broker", "command-service", "query-service", "analytics-service").forEach(this::jar);
    }

    void startBroker() throws IOException {
        int port = freePort();
        int controllerPort = freePort();
        bootstrapServers = "127.0.0.1:" + port;
        broker = new ManagedProcess("kafka-broker", jar("kafka-broker"), List.of("-Xms128m", "-Xmx1g", "-XX:+UseSerialGC"),
                List.of("--port=" + port, "--controller-port=" + controllerPort, "--data-dir=" + work.resolve("kafka")),
                work.resolve("logs/kafka-broker.log"));
        broker.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(broker.log()) || !Files.readString(broker.log()).contains("Kafka broker ready on 127.0.0.1:" + port)) {
            failIfExited(broker);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka broker not ready; log " + broker.log());
            }
            sleep(300);
        }
    }

    /** Starts several services at once (module → database) and waits for all of them. */
    void startServices(Map<String, String> databases, String topic, List<String> extra, boolean awaitUp) {
        Map<String, ManagedProcess> started = new LinkedHashMap<>();
        databases.forEach((module, database) -> started.put(module, launch(module, database, topic, extra)));
        started.forEach((module, process) -> awaitStarted(process, ports.get(module), awaitUp));
    }

    /** Starts a service jar; {@code awaitUp} waits for health UP, otherwise for any answer from the health endpoint. */
    ManagedProcess startService(String module, String database, String topic, List<String> extra, boolean awaitUp) {
        ManagedProcess process = launch(module, database, topic, extra);
        awaitStarted(process, ports.get(module), awaitUp);
        return process;
    }

    /** {@code name} is a module, or {@code module@variant} for a jar given in {@link #alternativeJars}. */
    private ManagedProcess launch(String name, String database, String topic, List<String> extra) {
        String module = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        stopService(name);
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                // the same URL options as each service's shipped default
                "--spring.datasource.url=" + POSTGRES + database
                        + (module.equals("command-service") ? "" : "?reWriteBatchedInserts=true"),
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--platform.kafka.topic=" + topic));
        if (module.equals("command-service")) {
            // The audit log's local signing key stays with the run's other files.
            arguments.add("--platform.audit.local-key-file=" + work.resolve("audit-signing-key.pem"));
        }
        arguments.addAll(extra);
        List<String> options = new ArrayList<>(jvmOptions);
        String jfr = System.getProperty("bench.jfr." + name);
        if (jfr != null) {
            try {
                Files.createDirectories(Path.of(jfr).getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            options.add("-XX:FlightRecorderOptions:stackdepth=512");
            options.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        Path jar = alternativeJars.containsKey(name) ? alternativeJars.get(name) : jar(module);
        ManagedProcess process = new ManagedProcess(name, jar, options, arguments, work.resolve("logs/" + name + ".log"));
        process.start();
        services.put(name, process);
        ports.put(name, port);
        return process;
    }

    private void awaitStarted(ManagedProcess process, int port, boolean awaitUp) {
        String module = process.name();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!answers(port, awaitUp)) {
            failIfExited(process);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(module + " did not start; log " + process.log());
            }
            sleep(500);
        }
    }

    ManagedProcess service(String module) {
        return services.get(module);
    }

    String url(String module) {
        return "http://127.0.0.1:" + ports.get(module);
    }

    void stopService(String module) {
        ManagedProcess process = services.remove(module);
        if (process != null) {
            process.stop();
        }
    }

    private boolean answers(int port, boolean awaitUp) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return awaitUp ? response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")
                    : response.body().contains("\"status\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        new ArrayList<>(services.keySet()).forEach(this::stopService);
        if (broker != null) {
            broker.stop();
            broker = null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // called from the hook itself
        }
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(POSTGRES + database + "?reWriteBatchedInserts=true", "postgres", "");
    }

    static void recreateDatabase(String database) {
        requireBenchName(database);
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must run on 127.0.0.1:5432 (user postgres): " + e.getMessage(), e);
        }
    }

    static void dropDatabase(String database) {
        requireBenchName(database);
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean databaseExists(String database) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            return rows.next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Σ next_offset stored by a projection, i.e. how many events of a topic that started at offset 0 it applied. */
    static long storedOffsets(String database, String projection) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT coalesce(sum(next_offset), 0) FROM projection_offset WHERE projection = '" + projection + "'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static void requireBenchName(String database) {
        if (!database.startsWith("pc_") || !database.endsWith("_bench")) {
            throw new IllegalArgumentException("Benchmarks only touch pc_*_bench databases: " + database);
        }
    }

    private static void failIfExited(ManagedProcess process) {
        if (!process.isAlive()) {
            throw new IllegalStateException(process.name() + " exited; log " + process.log() + ":\n" + process.logTail());
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
