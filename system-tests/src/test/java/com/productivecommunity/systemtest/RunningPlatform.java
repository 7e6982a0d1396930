package com.productivecommunity.systemtest;

import static org.awaitility.Awaitility.await;

import com.productivecommunity.harness.ManagedProcess;
import com.productivecommunity.support.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The platform as a newcomer runs it: the kafka-broker jar with its own data directory, and the three
 * service jars on free ports against fresh PostgreSQL databases of this run ({@code pc_*_sys}, see
 * {@link TestDatabases}).
 */
final class RunningPlatform implements AutoCloseable {

    private static final Map<String, String> DATABASES = Map.of(
            "command-service", "command",
            "query-service", "query",
            "analytics-service", "analytics");
    private static final Duration STARTUP = Duration.ofMinutes(4);
    /**
     * command-service's gap timeout here (Axon's default is 60 s), with a cleaning threshold of 0: a transaction
     * committing later than this is passed over by the publisher and published by the publication repair, which
     * the fault suite makes happen on purpose.
     */
    static final Duration GAP_TIMEOUT = Duration.ofSeconds(5);
    /** Small heaps and a quick JIT: five JVMs share a 2-core machine with the test itself. */
    private static final List<String> JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path root;
    private final String version;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread cleanupOnExit = new Thread(this::close, "system-test-cleanup");
    private ManagedProcess broker;
    private ManagedProcess command;
    private ManagedProcess query;
    private ManagedProcess analytics;
    private ManagedProcess webClient;
    private String bootstrapServers;
    private int commandPort;
    private int queryPort;
    private int analyticsPort;

    private RunningPlatform(Path root, String version, Path work) {
        this.root = root;
        this.version = version;
        this.work = work;
    }

    private static RunningPlatform configured() {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        String version = System.getProperty("platform.version", "0.1.0-SNAPSHOT");
        return new RunningPlatform(root, version, root.resolve("system-tests/target/system-test"));
    }

    /** Why the platform cannot be started from this build, or empty when all its jars are packaged. */
    static java.util.Optional<String> whyNotRunnable() {
        List<Path> missing = configured().jars().stream().filter(jar -> !Files.isRegularFile(jar)).toList();
        return missing.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(
                "System test skipped: packaged jars missing " + missing + " - run 'mvn verify' from the repository root");
    }

    private static RunningPlatform shared;

    /**
     * The platform the system tests of this JVM share: started (on fresh databases and a fresh broker) by the first
     * test class that asks, stopped when the JVM exits. Each start costs a minute of a loaded 2-core machine, so
     * the classes share one; each works in communities of its own, and the fault suite, which kills and restarts
     * its parts, runs last.
     */
    static synchronized RunningPlatform shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    static RunningPlatform start() {
        RunningPlatform platform = configured();
        Runtime.getRuntime().addShutdownHook(platform.cleanupOnExit);
        try {
            platform.startAll();
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    String commandUrl() {
        return "http://127.0.0.1:" + commandPort;
    }

    String queryUrl() {
        return "http://127.0.0.1:" + queryPort;
    }

    String analyticsUrl() {
        return "http://127.0.0.1:" + analyticsPort;
    }

    /** Why the web client cannot be started from this build, or empty when its jar is packaged. */
    static java.util.Optional<String> whyWebClientNotRunnable() {
        Path jar = configured().jar("web-client");
        return Files.isRegularFile(jar) ? java.util.Optional.empty() : java.util.Optional.of(
                "Browser test skipped: packaged jar missing " + jar + " - run 'mvn verify' from the repository root");
    }

    private String webClientUrl;

    /** The web client in front of the three services (started on first use): the one URL a browser needs. */
    synchronized String webClientUrl() {
        if (webClientUrl == null) {
            webClientUrl = startWebClient();
        }
        return webClientUrl;
    }

    private String startWebClient() {
        int port = freePort();
        webClient = new ManagedProcess("web-client", jar("web-client"), JVM_OPTIONS, List.of(
                "--server.port=" + port,
                "--platform.web.command-url=" + commandUrl(),
                "--platform.web.query-url=" + queryUrl(),
                "--platform.web.analytics-url=" + analyticsUrl()),
                work.resolve("logs").resolve("web-client.log"));
        webClient.start();
        awaitHealthy(webClient, port);
        return "http://127.0.0.1:" + port;
    }

    /** Stops both projection services and starts them again on the same ports and databases. */
    void restartProjections() {
        query.stop();
        analytics.stop();
        query.start();
        analytics.start();
        awaitHealthy(query, queryPort);
        awaitHealthy(analytics, analyticsPort);
    }

    /** The three services and the broker by name, for the fault-injection tests. */
    enum Part { BROKER, COMMAND, QUERY, ANALYTICS }

    /**
     * Ends the parts with SIGKILL (nothing flushed, no graceful shutdown), all at once, then starts them again
     * together and waits for each.
     */
    void killAndRestart(Part... parts) {
        for (Part part : parts) {
            process(part).kill();
        }
        for (Part part : parts) {
            process(part).start();
        }
        for (Part part : parts) {
            awaitRestarted(part);
        }
    }

    /** Stops the part gracefully, leaves it down for {@code down}, then starts it again and waits for it. */
    void stopAndRestart(Part part, Duration down) throws InterruptedException {
        ManagedProcess process = process(part);
        process.stop();
        Thread.sleep(down.toMillis());
        restart(part, process);
    }

    /**
     * Starts a second instance of each service given, on its own port, against the same database and broker: for
     * a projection service the consumer group rebalances the partitions between the two; two command-services
     * share the event store (and their publisher's token, audit log and repair take turns by lock). Returns them
     * so the caller can stop them.
     */
    List<Instance> startSecondInstances(Part... parts) {
        List<Instance> started = new java.util.ArrayList<>();
        for (Part part : parts) {
            String module = switch (part) {
                case QUERY -> "query-service";
                case ANALYTICS -> "analytics-service";
                case COMMAND -> "command-service";
                case BROKER -> throw new IllegalArgumentException("one broker");
            };
            int port = freePort();
            ManagedProcess second = service(module, port, work.resolve("logs"), "-2");
            second.start();
            started.add(new Instance(second, port));
        }
        for (Instance instance : started) {
            awaitHealthy(instance.process(), instance.port());
        }
        return started;
    }

    /** A further instance of a service: its process and its port. */
    record Instance(ManagedProcess process, int port) {
        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The reconciliation of this platform (the same one {@code ./platform verify} runs). */
    com.productivecommunity.verify.Reconciliation reconciliation() {
        return new com.productivecommunity.verify.Reconciliation(new com.productivecommunity.verify.Reconciliation.Settings(
                TestDatabases.systemUrl("command"), TestDatabases.systemUrl("query"), TestDatabases.systemUrl("analytics"),
                "postgres", null, bootstrapServers, "community-events"));
    }

    private ManagedProcess process(Part part) {
        return switch (part) {
            case BROKER -> broker;
            case COMMAND -> command;
            case QUERY -> query;
            case ANALYTICS -> analytics;
        };
    }

    private void restart(Part part, ManagedProcess process) {
        process.start();
        awaitRestarted(part);
    }

    private void awaitRestarted(Part part) {
        switch (part) {
            case BROKER -> await("Kafka broker ready again").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300))
                    .until(() -> failIfExited(broker) && portOpen(bootstrapServers));
            case COMMAND -> awaitHealthy(command, commandPort);
            case QUERY -> awaitHealthy(query, queryPort);
            case ANALYTICS -> awaitHealthy(analytics, analyticsPort);
        }
    }

    private static boolean portOpen(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1))), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        // All at once, each given 15 s to stop gracefully before a kill: in the JVM's exit hook this must be done
        // well before failsafe kills the forked JVM (which would leave the services running, orphaned).
        List<Thread> stopping = new java.util.ArrayList<>();
        for (ManagedProcess process : new ManagedProcess[] {webClient, analytics, query, command, broker}) {
            if (process != null) {
                Thread stop = new Thread(() -> process.stop(Duration.ofSeconds(15)), "stop-" + process.name());
                stop.start();
                stopping.add(stop);
            }
        }
        for (Thread stop : stopping) {
            try {
                stop.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // called from the hook itself
        }
    }

    private List<Path> jars() {
        return List.of(jar("kafka-broker"), jar("command-service"), jar("query-service"), jar("analytics-service"));
    }

    private Path jar(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
    }

    private void startAll() {
        DATABASES.values().forEach(purpose -> TestDatabases.drop(purpose, "sys"));
        Path logs = work.resolve("logs");
        deleteRecursively(work.resolve("kafka"));
        int brokerPort = freePort();
        bootstrapServers = "127.0.0.1:" + brokerPort;
        broker = new ManagedProcess("kafka-broker", jar("kafka-broker"), JVM_OPTIONS,
                List.of("--port=" + brokerPort, "--controller-port=" + freePort(), "--data-dir=" + work.resolve("kafka")),
                logs.resolve("kafka-broker.log"));
        broker.start();
        await("Kafka broker ready").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300))
                .until(() -> failIfExited(broker) && logContains(broker, "Kafka broker ready"));

        commandPort = freePort();
        queryPort = freePort();
        analyticsPort = freePort();
        command = service("command-service", commandPort, logs);
        query = service("query-service", queryPort, logs);
        analytics = service("analytics-service", analyticsPort, logs);
        command.start();
        query.start();
        analytics.start();
        awaitHealthy(command, commandPort);
        awaitHealthy(query, queryPort);
        awaitHealthy(analytics, analyticsPort);
    }

    private ManagedProcess service(String module, int port, Path logs) {
        return service(module, port, logs, "");
    }

    private ManagedProcess service(String module, int port, Path logs, String instance) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + TestDatabases.systemUrl(DATABASES.get(module)),
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers));
        if (module.equals("command-service")) {
            // The audit log's local signing key, under target/ like everything the tests make.
            arguments.add("--platform.audit.local-key-file=" + logs.toAbsolutePath().getParent().resolve("audit-signing-key.pem"));
            arguments.add("--platform.event-store.gap-timeout=" + GAP_TIMEOUT.toSeconds() + "s");
            arguments.add("--platform.event-store.gap-cleaning-threshold=0");
        }
        if (module.equals("analytics-service")) {
            // The exports ask this platform's audit log (not whatever answers on the default port 8081).
            arguments.add("--platform.analytics.audit-log.url=http://127.0.0.1:" + commandPort);
        }
        return new ManagedProcess(module + instance, jar(module), JVM_OPTIONS, arguments,
                logs.resolve(module + instance + ".log"));
    }

    private void awaitHealthy(ManagedProcess process, int port) {
        await(process.name() + " healthy (log: " + process.log() + ")")
                .atMost(STARTUP).pollInterval(Duration.ofSeconds(1))
                .until(() -> failIfExited(process) && healthy(port));
    }

    private boolean healthy(int port) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean failIfExited(ManagedProcess process) {
        if (!process.isAlive()) {
            throw new IllegalStateException(process.name() + " exited during startup; log " + process.log()
                    + ":\n" + process.logTail());
        }
        return true;
    }

    private static boolean logContains(ManagedProcess process, String text) throws IOException {
        return Files.exists(process.log()) && Files.readString(process.log()).contains(text);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
