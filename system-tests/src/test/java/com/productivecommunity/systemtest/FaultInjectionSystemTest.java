package com.productivecommunity.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.support.testing.RequiredTool;
import com.productivecommunity.support.testing.TestDatabases;
import com.productivecommunity.systemtest.RunningPlatform.Part;
import com.productivecommunity.verify.Reconciliation;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One fault at a time, each under steady, bounded load through HTTP (a load thread posting contributions and
 * giving reactions in three communities at about 15 commands/s), against the packaged services, a real broker
 * and PostgreSQL. After each fault the load stops and the platform is reconciled (the reconciliation of
 * {@code ./platform verify}): every stored event on the topic and applied by both projections, nothing
 * parked, no ledger row twice, every figure the sum of its ledger rows; and no accepted command is lost (each
 * contribution's stored events are its accepted commands, plus at most the commands whose answer the fault
 * cut off). The last test replays both projections from scratch and finds the same feeds and figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE) // last: it kills and restarts the shared platform's parts
class FaultInjectionSystemTest {

    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final Duration LOAD_AROUND_FAULT = Duration.ofSeconds(3);
    private static final List<String> MEMBERS = List.of("alice", "bob", "carol");
    /** Who reacts in the race: every member but carol, its contribution's author (no one reacts to their own). */
    private static final List<String> REACTORS = List.of("alice", "bob");

    private static RunningPlatform platform;
    private static String notRunnable;
    private static final List<String> communities = new ArrayList<>();
    /** Per contribution: commands answered 201, and commands whose answer never came (outcome unknown). */
    private static final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> uncertain = new ConcurrentHashMap<>();
    private static final Set<String> reactionsGiven = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger acceptedCommands = new AtomicInteger();
    private static final AtomicInteger uncertainCommands = new AtomicInteger();
    private static final AtomicInteger refusedCommands = new AtomicInteger();

    private final Api api = new Api();

    @BeforeAll
    static void startPlatform() {
        notRunnable = RunningPlatform.whyNotRunnable().orElse(null);
        if (notRunnable != null) {
            System.out.println(notRunnable);
            return;
        }
        platform = RunningPlatform.shared();
        Api api = new Api();
        for (int i = 0; i < 3; i++) {
            Api.Response founded = api.post("carol", platform.commandUrl() + "/api/communities",
                    Map.of("name", "Faults " + i, "purpose", "nothing lost under fault " + i));
            assertThat(founded.status()).as(founded.text()).isEqualTo(201);
            String community = founded.field("communityId");
            for (String member : List.of("alice", "bob")) {
                Api.Response joined = api.postEmpty(member, platform.commandUrl() + "/api/communities/" + community + "/members");
                assertThat(joined.status()).as(joined.text()).isEqualTo(201);
            }
            communities.add(community);
        }
    }


    @AfterEach
    void report() {
        System.out.printf("fault suite so far: %d commands accepted, %d refused, %d without an answer%n",
                acceptedCommands.get(), refusedCommands.get(), uncertainCommands.get());
    }

    @Test
    @Order(1)
    void projectionServicesKilledInTheMiddleOfABatch() throws Exception {
        RequiredTool.require(notRunnable);
        underLoad(() -> platform.killAndRestart(Part.QUERY, Part.ANALYTICS));
        assertNothingLostNothingTwice("kill -9 of query-service and analytics-service");
    }

    @Test
    @Order(2)
    void commandServiceKilledUnderLoad() throws Exception {
        RequiredTool.require(notRunnable);
        underLoad(() -> platform.killAndRestart(Part.COMMAND));
        assertNothingLostNothingTwice("kill -9 of command-service");
    }

    @Test
    @Order(3)
    void brokerStoppedAndRestarted() throws Exception {
        RequiredTool.require(notRunnable);
        underLoad(() -> platform.stopAndRestart(Part.BROKER, Duration.ofSeconds(5)));
        assertNothingLostNothingTwice("broker stopped for 5 s and restarted");
    }

    @Test
    @Order(4)
    void everyDatabaseConnectionKilled() throws Exception {
        RequiredTool.require(notRunnable);
        underLoad(() -> {
            assertThat(terminateConnections()).as("connections terminated").isPositive();
            Thread.sleep(1_000);
            terminateConnections();
        });
        assertNothingLostNothingTwice("pg_terminate_backend of every service connection, twice");
    }

    @Test
    @Order(5)
    void postgresqlServerRestarted() throws Exception {
        RequiredTool.require(whyPostgresCannotBeRestarted());
        underLoad(() -> {
            // "immediate": the server stops as if it crashed (no checkpoint), and recovers from its WAL on start.
            run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "restart",
                    "-m", "immediate"));
        });
        assertNothingLostNothingTwice("PostgreSQL server restarted (immediate stop, recovery on start)");
    }

    @Test
    @Order(6)
    void aSecondInstanceOfEachProjectionServiceJoinsAndLeaves() throws Exception {
        RequiredTool.require(notRunnable);
        underLoad(() -> {
            List<RunningPlatform.Instance> second = platform.startSecondInstances(Part.QUERY, Part.ANALYTICS);
            Thread.sleep(LOAD_AROUND_FAULT.toMillis());
            second.get(0).process().stop();
            second.get(1).process().kill();
        });
        assertNothingLostNothingTwice("second projection instances joined, then left (one stopped, one killed)");
    }

    @Test
    @Order(7)
    void aSecondCommandServiceOnTheSameStoreTakesConcurrentCommandsOnOneAggregate() throws Exception {
        RequiredTool.require(notRunnable);
        int[] concurrent = {0};
        Api.Response[] lostRace = {null};
        underLoad(() -> {
            RunningPlatform.Instance second = platform.startSecondInstances(Part.COMMAND).get(0);
            try {
                lostRace[0] = aRaceLostForCertain(communities.get(1), platform.commandUrl(), second.url());
                concurrent[0] = concurrentReactions(List.of(platform.commandUrl(), second.url()));
            } finally {
                second.process().stop();
            }
        });
        assertThat(lostRace[0].status()).as(lostRace[0].text()).isEqualTo(409);
        assertThat(lostRace[0].text()).contains("at the same time");
        assertThat(concurrent[0]).as("reactions accepted on one contribution through two instances").isEqualTo(REACTORS.size() * 3);
        assertNothingLostNothingTwice("a second command-service on the same store, 6 concurrent reactions on one"
                + " contribution through both");
    }

    @Test
    @Order(8)
    void recordsDeliveredTwice() throws Exception {
        RequiredTool.require(notRunnable);
        int[] resent = {0};
        underLoad(() -> resent[0] = resendTopic());
        assertThat(resent[0]).isPositive();
        Reconciliation.Report report = assertNothingLostNothingTwice("every record on the topic sent again");
        assertThat(report.check("topic", "records delivered more than once").actual()).isGreaterThanOrEqualTo(resent[0]);
    }

    /**
     * A transaction that has its global index but commits only after the publisher's gap timeout: frank's join
     * waits inside command-service's transaction (its event row inserted, its lookup row blocked behind a row
     * this test inserted and holds uncommitted) while the load commits later events; the publisher passes the
     * gap over; then the test rolls back, the join commits, and the publication repair publishes it, once.
     */
    @Test
    @Order(9)
    void aTransactionCommittedPastThePublishersGapTimeout() throws Exception {
        RequiredTool.require(notRunnable);
        String community = communities.get(0);
        double repairedBefore = repairedCount();
        Api.Response[] joined = {null};
        long[] heldFor = {0};
        underLoad(() -> {
            try (Connection hold = holdingMembership(community, "frank")) {
                long start = System.nanoTime();
                CompletableFuture<Api.Response> join = CompletableFuture.supplyAsync(() -> api.postEmpty("frank",
                        platform.commandUrl() + "/api/communities/" + community + "/members"));
                // The load commits events behind frank's index meanwhile; the publisher waits out the gap.
                Thread.sleep(RunningPlatform.GAP_TIMEOUT.multipliedBy(3).toMillis());
                assertThat(join).as("frank's join waits for the held row").isNotDone();
                hold.rollback();
                joined[0] = join.get(30, TimeUnit.SECONDS);
                heldFor[0] = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            }
        });
        assertThat(joined[0].status()).as(joined[0].text()).isEqualTo(201);
        System.out.printf("frank's join committed %d s after it took its global index%n", heldFor[0]);
        assertNothingLostNothingTwice("a transaction committed " + heldFor[0] + " s late, past the publisher's gap"
                + " timeout of " + RunningPlatform.GAP_TIMEOUT.toSeconds() + " s");
        assertThat(repairedCount()).as("events published by the publication repair").isGreaterThan(repairedBefore);
        await("frank a member in query-service").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> api.get("frank", platform.queryUrl() + "/api/communities/" + community).text()
                        .contains("\"memberId\":\"frank\""));
    }

    @Test
    @Order(10)
    void aReplayFromScratchGivesTheSameFeedsAndFigures() throws Exception {
        RequiredTool.require(notRunnable);
        Map<String, JsonNode> before = readModels();
        for (String projection : List.of("query", "analytics")) {
            String base = projection.equals("query") ? platform.queryUrl() : platform.analyticsUrl();
            Api.Response rebuild = api.postEmpty("dana", base + "/api/admin/projections/" + projection + "/rebuild");
            assertThat(rebuild.status()).as(rebuild.text()).isEqualTo(202);
        }
        assertNothingLostNothingTwice("both projections rebuilt from the first event");
        assertThat(readModels()).isEqualTo(before);
    }

    // ---- load, faults and checks

    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    /** Runs the load thread, the fault in its middle, then stops the load. */
    private void underLoad(Fault fault) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> load(running), "fault-suite-load");
        load.start();
        try {
            Thread.sleep(LOAD_AROUND_FAULT.toMillis());
            fault.inject();
            Thread.sleep(LOAD_AROUND_FAULT.toMillis());
        } finally {
            running.set(false);
            load.join(Duration.ofMinutes(1).toMillis());
        }
    }

    private void load(AtomicBoolean running) {
        Random random = new Random();
        List<String> contributions = new ArrayList<>(accepted.keySet());
        while (running.get()) {
            String member = MEMBERS.get(random.nextInt(MEMBERS.size()));
            if (contributions.isEmpty() || random.nextInt(10) < 4) {
                String community = communities.get(random.nextInt(communities.size()));
                String contribution = command(() -> api.post(member, platform.commandUrl() + "/api/communities/"
                        + community + "/contributions", Map.of("kind", "POST", "title", "Under load",
                        "body", "posted while a fault is injected")), null);
                if (contribution != null) {
                    contributions.add(contribution);
                }
            } else {
                String contribution = contributions.get(random.nextInt(contributions.size()));
                String kind = List.of("LIKE", "USEFUL", "THANKS").get(random.nextInt(3));
                if (reactionsGiven.add(contribution + "/" + member + "/" + kind)) {
                    command(() -> api.post(member, platform.commandUrl() + "/api/contributions/" + contribution
                            + "/reactions", Map.of("kind", kind)), contribution);
                }
            }
            sleep(60);
        }
    }

    /**
     * Sends one command; counts it accepted (201), refused (any other answer) or uncertain (no answer: the fault
     * may have cut it off after or before it was stored). Returns the new contribution's id for a post.
     */
    private String command(java.util.function.Supplier<Api.Response> call, String contribution) {
        try {
            Api.Response response = call.get();
            if (response.status() >= 500) {
                // The service answered that it failed (e.g. its database went away mid-commit): whether the
                // event was stored is not known, as when no answer came.
                uncertainCommands.incrementAndGet();
                if (contribution != null) {
                    uncertain.computeIfAbsent(contribution, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }
            if (response.status() != 201) {
                refusedCommands.incrementAndGet();
                return null;
            }
            acceptedCommands.incrementAndGet();
            String id = contribution != null ? contribution : response.field("contributionId");
            accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            return contribution == null ? id : null;
        } catch (UncheckedIOException | IllegalStateException noAnswer) {
            if (noAnswer.getCause() instanceof java.net.ConnectException) {
                // Nothing was sent: the service is down. Refused, and the load waits a little.
                refusedCommands.incrementAndGet();
                sleep(200);
                return null;
            }
            uncertainCommands.incrementAndGet();
            if (contribution != null) {
                uncertain.computeIfAbsent(contribution, k -> new AtomicInteger()).incrementAndGet();
            }
            return null;
        }
    }

    /**
     * Two commands on one community through two instances, the second certain to lose: frank's join (instance
     * A) stores its event and then waits inside its transaction behind a lookup row this test holds; alice's
     * purpose (instance B) loaded the community without frank's uncommitted event and waits to store the same
     * sequence number. The test lets go: frank's join commits, alice's write is refused (409, nothing stored),
     * and sent again it is accepted. Returns alice's first answer.
     */
    private Api.Response aRaceLostForCertain(String community, String instanceA, String instanceB) throws Exception {
        try (Connection hold = holdingMembership(community, "frank")) {
            CompletableFuture<Api.Response> join = CompletableFuture.supplyAsync(() -> api.postEmpty("frank",
                    instanceA + "/api/communities/" + community + "/members"));
            Thread.sleep(2_000); // frank's event row is in, his transaction waits
            CompletableFuture<Api.Response> purpose = CompletableFuture.supplyAsync(() -> api.put("alice",
                    instanceB + "/api/communities/" + community + "/members/me/purpose",
                    Map.of("purpose", "learn what the other instance did")));
            Thread.sleep(2_000);
            assertThat(join).as("frank's join waits for the held row").isNotDone();
            assertThat(purpose).as("alice's purpose waits for frank's sequence number").isNotDone();
            hold.rollback();
            Api.Response joined = join.get(30, TimeUnit.SECONDS);
            assertThat(joined.status()).as(joined.text()).isEqualTo(201);
            acceptedCommands.incrementAndGet();
            Api.Response first = purpose.get(30, TimeUnit.SECONDS);
            refusedCommands.incrementAndGet();
            Api.Response again = api.put("alice", instanceB + "/api/communities/" + community + "/members/me/purpose",
                    Map.of("purpose", "learn what the other instance did"));
            assertThat(again.status()).as(again.text()).isEqualTo(200);
            acceptedCommands.incrementAndGet();
            System.out.printf("race on one community through two command-services: frank's join %d, alice's purpose"
                    + " %d then %d%n", joined.status(), first.status(), again.status());
            return first;
        }
    }

    /**
     * Every member but the author gives every kind of reaction to one new contribution at the same instant, alternately through
     * the given command-service instances: commands on one aggregate racing in two JVMs. A write that loses the
     * race on the aggregate's sequence is refused with 409 (nothing stored) and sent again, as a client does.
     * Returns how many were accepted (each once).
     */
    private int concurrentReactions(List<String> instances) throws Exception {
        String contribution = command(() -> api.post("carol", instances.get(1) + "/api/communities/"
                + communities.get(0) + "/contributions", Map.of("kind", "POST", "title", "Raced on",
                "body", "reacted to through two command-services at once")), null);
        assertThat(contribution).as("posted through the second instance").isNotNull();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(REACTORS.size() * 3);
        AtomicInteger conflicts = new AtomicInteger();
        List<CompletableFuture<Boolean>> reactions = new ArrayList<>();
        int n = 0;
        for (String member : REACTORS) {
            for (String kind : List.of("LIKE", "USEFUL", "THANKS")) {
                String url = instances.get(n++ % instances.size()) + "/api/contributions/" + contribution + "/reactions";
                reactionsGiven.add(contribution + "/" + member + "/" + kind);
                reactions.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                    for (int attempt = 0; attempt < 20; attempt++) {
                        Api.Response response = api.post(member, url, Map.of("kind", kind));
                        if (response.status() == 201) {
                            acceptedCommands.incrementAndGet();
                            accepted.computeIfAbsent(contribution, k -> new AtomicInteger()).incrementAndGet();
                            return true;
                        }
                        // Only a lost race is sent again; any other refusal fails the step.
                        assertThat(response.status()).as(response.text()).isEqualTo(409);
                        assertThat(response.text()).as("a 409 for a lost race").contains("at the same time");
                        conflicts.incrementAndGet();
                        refusedCommands.incrementAndGet();
                        sleep(20L * (attempt + 1));
                    }
                    return false;
                }, clients));
            }
        }
        start.countDown();
        int done = 0;
        try {
            for (CompletableFuture<Boolean> reaction : reactions) {
                done += reaction.get(2, TimeUnit.MINUTES) ? 1 : 0;
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.printf("concurrent reactions through two command-services: %d accepted, %d refused as conflicts"
                + " and sent again%n", done, conflicts.get());
        return done;
    }

    private Reconciliation.Report assertNothingLostNothingTwice(String fault) throws InterruptedException {
        Reconciliation.Report report = platform.reconciliation().settle(SETTLE);
        System.out.println("after " + fault + ":\n" + report.table());
        assertThat(report.clean()).as("reconciliation after " + fault + ":\n" + report.table()).isTrue();
        Map<String, Long> stored = storedEventsPerContribution();
        List<String> lost = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        accepted.forEach((contribution, count) -> {
            long events = stored.getOrDefault(contribution, 0L);
            int unknown = uncertain.getOrDefault(contribution, new AtomicInteger()).get();
            if (events < count.get()) {
                lost.add(contribution + " accepted " + count.get() + ", stored " + events);
            } else if (events > count.get() + unknown) {
                extra.add(contribution + " accepted " + count.get() + " (+" + unknown + " unanswered), stored " + events);
            }
        });
        assertThat(lost).as("accepted commands lost after " + fault).isEmpty();
        assertThat(extra).as("events stored beyond the commands sent after " + fault).isEmpty();
        assertThat(acceptedCommands.get()).as("the load was accepted at all").isPositive();
        return report;
    }

    /** The events stored per contribution aggregate: its post and its reactions. */
    /**
     * A transaction of this test holding an uncommitted row of command-service's membership lookup: a join of
     * that member then stores its event row (taking its global index and sequence number) and waits inside its
     * transaction, on the row's unique key, until this transaction ends.
     */
    private static Connection holdingMembership(String community, String member) throws SQLException {
        Connection hold = DriverManager.getConnection(TestDatabases.systemUrl("command"), TestDatabases.USER, "");
        hold.setAutoCommit(false);
        try (PreparedStatement row = hold.prepareStatement(
                "INSERT INTO community_membership (community_id, member_id) VALUES (?::uuid, ?)")) {
            row.setString(1, community);
            row.setString(2, member);
            row.executeUpdate();
        } catch (SQLException e) {
            hold.close();
            throw e;
        }
        return hold;
    }

    /** command-service's {@code publication_repaired_total}, read with the scraper account. */
    private double repairedCount() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(platform.commandUrl() + "/actuator/prometheus"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "prometheus:prometheus".getBytes(StandardCharsets.UTF_8)))
                        .header("Accept", "text/plain").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("command-service's metrics").isEqualTo(200);
        assertThat(response.body()).contains("publication_repaired_total");
        return response.body().lines().filter(line -> line.startsWith("publication_repaired_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Map<String, Long> storedEventsPerContribution() {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(TestDatabases.systemUrl("command"), TestDatabases.USER, "");
             PreparedStatement statement = connection.prepareStatement("SELECT aggregate_identifier, count(*)"
                     + " FROM domain_event_entry WHERE type = 'Contribution' GROUP BY aggregate_identifier");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /**
     * Why this machine's PostgreSQL server cannot be restarted by the suite, or null. It restarts the server every
     * test of this JVM uses, so outside CI it runs only when asked ({@code -Dfaults.restart-postgres=true}).
     */
    private static String whyPostgresCannotBeRestarted() {
        if (!RequiredTool.inCi() && !Boolean.getBoolean("faults.restart-postgres")) {
            return "restarting the machine's PostgreSQL server runs under CI=true or with -Dfaults.restart-postgres=true";
        }
        if (postgresVersion() == null) {
            return "no PostgreSQL cluster under /etc/postgresql to restart with pg_ctlcluster";
        }
        return null;
    }

    /** The newest cluster version under /etc/postgresql (as .ci/run starts it), or null. */
    private static String postgresVersion() {
        java.io.File[] versions = new java.io.File("/etc/postgresql").listFiles(java.io.File::isDirectory);
        if (versions == null || versions.length == 0) {
            return null;
        }
        return java.util.Arrays.stream(versions).map(java.io.File::getName)
                .max(java.util.Comparator.comparingDouble(Double::parseDouble)).orElse(null);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    }

    /** Kills every connection the three services hold to their databases; returns how many. */
    private static int terminateConnections() {
        try (Connection connection = DriverManager.getConnection(TestDatabases.SERVER + "postgres", TestDatabases.USER, "");
             PreparedStatement statement = connection.prepareStatement("SELECT count(pg_terminate_backend(pid))"
                     + " FROM pg_stat_activity WHERE datname = ANY(?) AND pid <> pg_backend_pid()")) {
            statement.setArray(1, connection.createArrayOf("text", new String[] {
                    TestDatabases.name("command", "sys"), TestDatabases.name("query", "sys"),
                    TestDatabases.name("analytics", "sys")}));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends every record on the topic again, to its partition with its key: a producer's retry at scale. */
    private static int resendTopic() {
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        int resent = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties,
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("community-events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value()));
                        resent++;
                    }
                }
            }
            producer.flush();
        }
        return resent;
    }

    /** What readers see: each community's feed and figures, and each member's figures in it. */
    private Map<String, JsonNode> readModels() {
        Map<String, JsonNode> read = new HashMap<>();
        for (String community : communities) {
            read.put(community + " feed", stripVolatile(ok(api.get("carol", platform.queryUrl() + "/api/communities/"
                    + community + "/feed?limit=100"))));
            read.put(community + " figures", ok(api.get("carol", platform.analyticsUrl() + "/api/analytics/communities/"
                    + community)));
            for (String member : MEMBERS) {
                read.put(community + " " + member, ok(api.get("erin", platform.analyticsUrl()
                        + "/api/analytics/communities/" + community + "/members/" + member)));
            }
        }
        return read;
    }

    private static JsonNode stripVolatile(JsonNode feed) {
        if (feed.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) feed).remove("next");
        }
        return feed;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
