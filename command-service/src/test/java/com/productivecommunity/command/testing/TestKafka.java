package com.productivecommunity.command.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker in this JVM that can be stopped and started again on the same ports
 * and data directory, so its topics and records survive an outage (spring-kafka-test's embedded broker
 * cannot restart with its data). One per test JVM.
 */
public final class TestKafka {

    private static TestKafka shared;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private TestKafka() throws IOException {
        this.dataDir = Files.createTempDirectory("command-service-kafka");
        this.port = freePort();
        this.controllerPort = freePort();
    }

    public static synchronized TestKafka shared() {
        if (shared == null) {
            try {
                shared = new TestKafka();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-kafka-stop"));
        }
        return shared;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            formatIfNew();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties(), false), Time.SYSTEM);
        server.startup();
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    private void formatIfNew() throws IOException {
        Path logs = dataDir.resolve("logs");
        if (Files.exists(logs.resolve("meta.properties"))) {
            return;
        }
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties().store(out, null);
        }
        PrintStream output = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int status = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString()}, output);
        if (status != 0) {
            throw new IllegalStateException("Formatting the test broker's log dir failed: " + status);
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", dataDir.resolve("logs").toString());
        properties.put("auto.create.topics.enable", "false");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("controlled.shutdown.enable", "false");
        return properties;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
