package com.productivecommunity.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
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
 * {@code kafka-server-start.sh}). Stops cleanly on SIGTERM; the data survives restarts. With
 * {@code --delete-topic=<name> --bootstrap-servers=<hosts>} it deletes a topic on a running cluster instead
 * (what {@code ./platform reset} does to an external broker) and exits.
 */
public final class KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private KafkaBroker() {
    }

    public static void main(String[] arguments) throws Exception {
        if (Arrays.stream(arguments).anyMatch(argument -> argument.startsWith("--delete-topic="))) {
            System.exit(TopicDeletion.run(arguments));
        }
        BrokerSettings settings;
        try {
            settings = BrokerSettings.fromArguments(arguments);
            formatIfNew(settings);
        } catch (IllegalArgumentException | RefusedDataDirectoryException e) {
            log.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
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
        log.info("Kafka broker ready on {} (cluster {}, data in {})", settings.bootstrapServers(),
                clusterIdOf(settings).orElse("?"), settings.dataDir());
        stopped.await();
    }

    /**
     * Formats the data directory for a new cluster when it holds none, unless a cluster id is configured:
     * then the directory must hold exactly that cluster. A configured id with an empty directory means the
     * history is elsewhere (moved, deleted, a typo in the path): formatting would silently start an empty
     * cluster, and the analysts' replay source would be gone.
     */
    static void formatIfNew(BrokerSettings settings) throws IOException {
        Optional<String> found = clusterIdOf(settings);
        if (found.isPresent()) {
            if (settings.clusterId().isPresent() && !settings.clusterId().get().equals(found.get())) {
                throw new RefusedDataDirectoryException("The data directory " + settings.dataDir() + " holds cluster "
                        + found.get() + ", not the configured cluster " + settings.clusterId().get()
                        + ": refusing to start on another cluster's data");
            }
            return;
        }
        if (settings.clusterId().isPresent()) {
            throw new RefusedDataDirectoryException("The data directory " + settings.dataDir() + " holds no cluster,"
                    + " but cluster " + settings.clusterId().get() + " is configured: the event history is not in this"
                    + " directory (moved or deleted?). Refusing to format a new, empty cluster over it; start with the"
                    + " directory that holds cluster " + settings.clusterId().get()
                    + ", or without --cluster-id to begin a new cluster");
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

    /** The cluster id recorded in the data directory's {@code meta.properties}, if it was formatted. */
    static Optional<String> clusterIdOf(BrokerSettings settings) throws IOException {
        Path meta = settings.logDir().resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    static final class RefusedDataDirectoryException extends RuntimeException {
        RefusedDataDirectoryException(String message) {
            super(message);
        }
    }
}
