package com.productivecommunity.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the broker listens and keeps its data. Read from {@code --name=value} arguments:
 * {@code --data-dir} (required: the directory that holds the event history, resolved to an absolute path
 * once, so where the process was started from never matters), {@code --host} (default 127.0.0.1),
 * {@code --port} (9092), {@code --controller-port} (port + 1), {@code --partitions} (6, for topics created on
 * first use), {@code --cluster-id} (the cluster the data directory must hold: with it, the broker refuses to
 * start on a directory that holds another cluster or none, instead of formatting a new, empty one),
 * {@code --flush-every-message} (true: every append is on disk before it is acknowledged).
 */
record BrokerSettings(String host, int port, int controllerPort, Path dataDir, int partitions,
                      Optional<String> clusterId, boolean flushEveryMessage) {

    private static final Set<String> NAMES =
            Set.of("host", "port", "controller-port", "data-dir", "partitions", "cluster-id", "flush-every-message");

    static BrokerSettings fromArguments(String... arguments) {
        Map<String, String> values = values(arguments, NAMES);
        String dataDir = values.get("data-dir");
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalArgumentException("--data-dir=<directory> is required: the directory that holds the"
                    + " event history (./platform passes .platform/kafka)");
        }
        int port = Integer.parseInt(values.getOrDefault("port", "9092"));
        String flush = values.getOrDefault("flush-every-message", "true");
        if (!flush.equals("true") && !flush.equals("false")) {
            throw new IllegalArgumentException("--flush-every-message takes true or false, not " + flush);
        }
        return new BrokerSettings(
                values.getOrDefault("host", "127.0.0.1"),
                port,
                Integer.parseInt(values.getOrDefault("controller-port", String.valueOf(port + 1))),
                Path.of(dataDir).toAbsolutePath().normalize(),
                Integer.parseInt(values.getOrDefault("partitions", "6")),
                Optional.ofNullable(values.get("cluster-id")).filter(id -> !id.isBlank()),
                Boolean.parseBoolean(flush));
    }

    static Map<String, String> values(String[] arguments, Set<String> names) {
        Map<String, String> values = new HashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got: " + argument);
            }
            int equals = argument.indexOf('=');
            String name = argument.substring(2, equals);
            if (!names.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + " (known: " + new TreeSet<>(names) + ")");
            }
            values.put(name, argument.substring(equals + 1));
        }
        return values;
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    String bootstrapServers() {
        return host + ":" + port;
    }

    /** The configuration of a one-node cluster that keeps every event forever. */
    Properties serverProperties() {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", logDir().toString());
        // Events are the source of truth: never delete them, whoever creates the topic.
        properties.put("log.retention.ms", "-1");
        properties.put("num.partitions", String.valueOf(partitions));
        properties.put("default.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "10");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // One node, no replicas: durability comes from the disk alone. Every append is flushed before the
        // broker acknowledges it (acks=all on one node means "on this node"), so an acknowledged event
        // survives a power loss, not only a crash of the process (which the page cache survives anyway).
        if (flushEveryMessage) {
            properties.put("log.flush.interval.messages", "1");
        }
        properties.put("unclean.leader.election.enable", "false");
        return properties;
    }
}
