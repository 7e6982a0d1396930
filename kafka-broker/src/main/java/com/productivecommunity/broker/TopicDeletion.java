package com.productivecommunity.broker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * {@code --delete-topic=<name> --bootstrap-servers=<hosts>}: deletes one topic of a running cluster, so that
 * {@code ./platform reset} with an external broker removes the events together with the databases built from
 * them (dropping one without the other leaves projections that replay a history the command side forgot).
 */
final class TopicDeletion {

    private TopicDeletion() {
    }

    static int run(String... arguments) throws InterruptedException {
        Map<String, String> values = BrokerSettings.values(arguments, Set.of("delete-topic", "bootstrap-servers"));
        String topic = values.get("delete-topic");
        String servers = values.get("bootstrap-servers");
        if (topic == null || topic.isBlank() || servers == null || servers.isBlank()) {
            System.err.println("Usage: --delete-topic=<topic> --bootstrap-servers=<host:port,...>");
            return 2;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            System.out.println("Deleted topic " + topic + " on " + servers);
            return 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                System.out.println("Topic " + topic + " does not exist on " + servers + ": nothing to delete");
                return 0;
            }
            System.err.println("Could not delete topic " + topic + " on " + servers + ": " + e.getCause());
            return 1;
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("Kafka at " + servers + " did not answer within 30 s: topic " + topic + " not deleted");
            return 1;
        }
    }
}
