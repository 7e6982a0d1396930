package com.productivecommunity.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.productivecommunity.harness.ManagedProcess;
import com.productivecommunity.support.testing.RequiredTool;
import com.productivecommunity.support.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code ./platform up} as a newcomer runs it from a fresh clone: on databases that do not exist yet,
 * then {@code down}, then {@code up} again with the data kept. The script runs with a state directory,
 * ports and database names of this test's own, so it never meets a developer's running platform.
 */
@Order(1) // first: its own platform, started by the script, before the shared one is up
class PlatformUpSystemTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    /** Not the other system tests' databases ({@code pc_command_<run>_sys}): these are {@code pc_command_script_<run>_sys}. */
    private static final String SUFFIX = "_script" + TestDatabases.runSuffix("sys");
    private static final List<String> DATABASES =
            List.of("pc_command" + SUFFIX, "pc_query" + SUFFIX, "pc_analytics" + SUFFIX);
    private static final Path STATE = ROOT.resolve("system-tests/target/platform-up");
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PLATFORM_STATE_DIR", STATE.toString(),
            "PLATFORM_DB_SUFFIX", SUFFIX,
            "PLATFORM_WEB_PORT", freePort(),
            "PLATFORM_COMMAND_PORT", freePort(),
            "PLATFORM_QUERY_PORT", freePort(),
            "PLATFORM_ANALYTICS_PORT", freePort(),
            "PLATFORM_KAFKA_PORT", freePort(),
            "PLATFORM_KAFKA_CONTROLLER_PORT", freePort(),
            "PLATFORM_JAVA_OPTS", "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(6);

    private final Api api = new Api();

    record Run(int exitCode, String output) {
    }

    @AfterAll
    static void resetEverythingTheTestStarted() throws Exception {
        Run reset = platform("reset", "--yes");
        assertThat(reset.exitCode()).as(reset.output()).isZero();
    }

    @Test
    void upOnFreshDatabasesThenDownThenUpKeepsTheData() throws Exception {
        RequiredTool.require(RunningPlatform.whyNotRunnable().or(RunningPlatform::whyWebClientNotRunnable).orElse(null));
        for (String database : DATABASES) {
            assertThat(databaseExists(database)).as("database %s before the first up", database).isFalse();
        }

        Run up = platform("up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("Created database pc_command" + SUFFIX, "Created database pc_query" + SUFFIX,
                "Created database pc_analytics" + SUFFIX, "Productive Community is up",
                "http://localhost:" + port("PLATFORM_WEB_PORT"));
        assertThat(DATABASES).allMatch(PlatformUpSystemTest::databaseExists);
        String communityId = api.post("carol", command("/api/communities"),
                Map.of("name", "Platform script test", "purpose", "survive a restart")).field("communityId");
        await("the new community in query-service").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> api.get("alice", query("/api/communities/" + communityId)).status() == 200);
        assertThat(api.get("carol", web("/actuator/health")).status()).isEqualTo(200);

        Run down = platform("down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(down.output()).contains("Stopped web-client", "Stopped analytics-service", "Stopped query-service",
                "Stopped command-service", "Stopped kafka");
        for (String port : List.of("PLATFORM_WEB_PORT", "PLATFORM_COMMAND_PORT", "PLATFORM_QUERY_PORT",
                "PLATFORM_ANALYTICS_PORT", "PLATFORM_KAFKA_PORT")) {
            assertThat(listening(port(port))).as(port).isFalse();
        }

        Run again = platform("up");

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("Created database").contains("Productive Community is up");
        await("the community kept across down and up").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> api.get("alice", query("/api/communities/" + communityId)).field("name")
                        .equals("Platform script test"));
        Run status = platform("status");
        assertThat(status.output()).contains("command-service", "UP").doesNotContain("not healthy")
                // Read from /actuator/prometheus with the scraper account: metrics are closed to anonymous callers.
                .contains("query-service: projection_lag", "command-service: publication_lag");

        // The operators' reconciliation: clean on a settled platform, a difference (exit 1) after one SQL edit.
        Run verified = awaitVerified();
        assertThat(verified.output()).contains("stored events published", "query/query",
                "analytics/analytics", "clean: every check holds");
        assertThat(updateQueryPosition(communityId, 5)).isEqualTo(1);
        Run differs = platform("verify");
        updateQueryPosition(communityId, -5);
        assertThat(differs.exitCode()).as(differs.output()).isEqualTo(1);
        assertThat(differs.output()).containsPattern("aggregates applied beyond the store +0 +1 +DIFFERS e.g. "
                + communityId + ":\\d+");
        assertThat(platform("verify").exitCode()).isZero();

        Run twice = platform("up");

        assertThat(twice.exitCode()).as(twice.output()).isZero();
        assertThat(twice.output()).contains("command-service already runs", "kafka already runs");

        // The event history moved away (a wrong path, a deleted folder): the broker must not start a new, empty one.
        assertThat(platform("down").exitCode()).isZero();
        Path kafka = STATE.resolve("kafka");
        Path aside = STATE.resolve("kafka-moved");
        Files.move(kafka, aside);
        Run withoutHistory = platform("up");
        Files.move(aside, kafka);

        assertThat(withoutHistory.exitCode()).as(withoutHistory.output()).isNotZero();
        assertThat(withoutHistory.output()).contains("holds no cluster", "Refusing to format a new, empty cluster");
        assertThat(kafka.resolve("logs/meta.properties")).exists();
    }

    /** {@code ./platform verify} until it exits 0 (the projections may still be applying the last events). */
    private static Run awaitVerified() throws Exception {
        Run run = platform("verify");
        for (int i = 0; i < 30 && run.exitCode() != 0; i++) {
            Thread.sleep(1_000);
            run = platform("verify");
        }
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run;
    }

    /** Moves query-service's high-water mark of an aggregate by {@code delta} (the tampering verify must see). */
    private static int updateQueryPosition(String aggregate, int delta) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabases.SERVER + "pc_query" + SUFFIX,
                TestDatabases.USER, "");
             PreparedStatement update = connection.prepareStatement("UPDATE projection_aggregate_position"
                     + " SET last_sequence = last_sequence + ? WHERE aggregate_id = ?")) {
            update.setInt(1, delta);
            update.setString(2, aggregate);
            return update.executeUpdate();
        }
    }

    /** With an external broker, reset deletes the topic too: events and the databases built from them go together. */
    @Test
    void resetWithAnExternalBrokerDeletesTheTopicAndTheDatabases() throws Exception {
        RequiredTool.require(RunningPlatform.whyNotRunnable().orElse(null));
        Path work = ROOT.resolve("system-tests/target/platform-reset");
        deleteRecursively(work);
        String port = freePort();
        ManagedProcess broker = new ManagedProcess("external-kafka", ROOT.resolve("kafka-broker/target/kafka-broker-"
                + System.getProperty("platform.version", "0.1.0-SNAPSHOT") + ".jar"),
                List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"),
                List.of("--port=" + port, "--controller-port=" + freePort(), "--data-dir=" + work.resolve("kafka")),
                work.resolve("kafka.log"));
        broker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port))) {
            await("external broker").atMost(Duration.ofMinutes(1)).ignoreExceptions()
                    .until(() -> createTopic(admin, "reset-test-events"));
            String database = "pc_command_reset" + TestDatabases.runSuffix("sys");
            TestDatabases.createByName(database);

            Run reset = platform(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + port,
                    "PLATFORM_KAFKA_TOPIC", "reset-test-events", "PLATFORM_STATE_DIR", work.resolve("state").toString(),
                    "PLATFORM_DB_SUFFIX", "_reset" + TestDatabases.runSuffix("sys")), "reset", "--yes");

            assertThat(reset.exitCode()).as(reset.output()).isZero();
            assertThat(reset.output()).contains("Deleted topic reset-test-events", "Dropped database " + database);
            // Deletion completes in the background after the controller accepted it.
            await("topic gone").atMost(Duration.ofSeconds(30))
                    .until(() -> !admin.listTopics().names().get(10, TimeUnit.SECONDS).contains("reset-test-events"));
            assertThat(databaseExists(database)).isFalse();
        } finally {
            broker.stop();
        }
    }

    private static Run platform(String... arguments) throws IOException, InterruptedException {
        return platform(Map.of(), arguments);
    }

    private static Run platform(Map<String, String> overrides, String... arguments)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java.util.stream.Stream.concat(
                java.util.stream.Stream.of("./platform"), java.util.stream.Stream.of(arguments)).toList())
                .directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().remove("PLATFORM_KAFKA");
        builder.environment().putAll(ENVIRONMENT);
        builder.environment().putAll(overrides);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println("---- ./platform " + String.join(" ", arguments) + "\n" + text);
        return new Run(process.exitValue(), text);
    }

    /** True once the topic exists (a first attempt that timed out may still have created it). */
    private static boolean createTopic(Admin admin, String topic) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        return true;
    }

    private static String command(String path) {
        return "http://127.0.0.1:" + port("PLATFORM_COMMAND_PORT") + path;
    }

    private static String query(String path) {
        return "http://127.0.0.1:" + port("PLATFORM_QUERY_PORT") + path;
    }

    private static String web(String path) {
        return "http://127.0.0.1:" + port("PLATFORM_WEB_PORT") + path;
    }

    private static String port(String variable) {
        return ENVIRONMENT.get(variable);
    }

    private static boolean listening(String port) {
        try (Socket ignored = new Socket("127.0.0.1", Integer.parseInt(port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean databaseExists(String name) {
        try (Connection admin = DriverManager.getConnection(TestDatabases.SERVER + "postgres", TestDatabases.USER, null);
             PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var paths = Files.walk(path)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
