package com.productivecommunity.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the broker listens and keeps its data. Read from {@code --name=value} arguments:
 * {@code --host} (default 127.0.0.1), {@code --port} (9092), {@code --controller-port} (port + 1),
 * {@code --data-dir} (.platform/kafka), {@code --partitions} (6, for topics created on first use).
 */
record BrokerSettings(String host, int port, int controllerPort, Path dataDir, int partitions) {

    static BrokerSettings fromArguments(String... arguments) {
        Map<String, String> values = new HashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got: " + argument);
            }
            int equals = argument.indexOf('=');
            values.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
        int port = Integer.parseInt(values.getOrDefault("port", "9092"));
        return new BrokerSettings(
                values.getOrDefault("host", "127.0.0.1"),
                port,
                Integer.parseInt(values.getOrDefault("controller-port", String.valueOf(port + 1))),
                Path.of(values.getOrDefault("data-dir", ".platform/kafka")).toAbsolutePath(),
                Integer.parseInt(values.getOrDefault("partitions", "6")));
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
        return properties;
    }
}
