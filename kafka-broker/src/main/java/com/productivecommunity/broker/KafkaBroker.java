package com.productivecommunity.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a real single-node Kafka cluster in this process: formats the data directory on first start
 * (like {@code kafka-storage.sh format}), then starts broker and controller (like
 * {@code kafka-server-start.sh}). Stops cleanly on SIGTERM; the data survives restarts.
 */
public final class KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private KafkaBroker() {
    }

    public static void main(String[] arguments) throws Exception {
        BrokerSettings settings = BrokerSettings.fromArguments(arguments);
        formatIfNew(settings);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings.serverProperties(), false), Time.SYSTEM);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping Kafka broker");
            server.shutdown();
            server.awaitShutdown();
            log.info("Kafka broker stopped");
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        server.startup();
        log.info("Kafka broker ready on {} (data in {})", settings.bootstrapServers(), settings.dataDir());
        stopped.await();
    }

    static void formatIfNew(BrokerSettings settings) throws IOException {
        if (Files.exists(settings.logDir().resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(settings.dataDir());
        Path config = settings.dataDir().resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            settings.serverProperties().store(out, "Written by kafka-broker when it formatted this directory");
        }
        String clusterId = Uuid.randomUuid().toString();
        PrintStream output = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int status = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()}, output);
        if (status != 0) {
            throw new IllegalStateException("Formatting " + settings.logDir() + " failed with status " + status);
        }
        log.info("Formatted {} for new cluster {}", settings.logDir(), clusterId);
    }
}
