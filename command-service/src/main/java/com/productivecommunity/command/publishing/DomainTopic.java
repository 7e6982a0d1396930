package com.productivecommunity.command.publishing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Creates the domain topic if it is missing: keyed by community, kept forever (it is the analysts'
 * replay source). An existing topic is never changed: adding partitions would move communities to
 * other partitions and break their order.
 */
@Component
class DomainTopic {

    private static final Logger log = LoggerFactory.getLogger(DomainTopic.class);

    private final KafkaAdmin admin;
    private final PublishingProperties properties;
    private volatile boolean ready;

    DomainTopic(KafkaAdmin admin, PublishingProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    /** Tried once at start-up; a broker that is down then is no reason not to start. */
    @EventListener(ApplicationReadyEvent.class)
    void createAtStartup() {
        try {
            ensureExists();
        } catch (RuntimeException e) {
            log.warn("Topic {} not checked at start-up ({}); the publisher will retry", properties.topic(), e.getMessage());
        }
    }

    void ensureExists() {
        if (ready) {
            return;
        }
        NewTopic topic = new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            try {
                client.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                log.info("Created topic {} with {} partitions, kept forever", properties.topic(), properties.partitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topic " + properties.topic(), e.getCause());
                }
                TopicDescription existing = client.describeTopics(List.of(properties.topic())).allTopicNames()
                        .get(10, TimeUnit.SECONDS).get(properties.topic());
                if (existing.partitions().size() != properties.partitions()) {
                    log.warn("Topic {} has {} partitions, not the configured {}; it is left as it is",
                            properties.topic(), existing.partitions().size(), properties.partitions());
                }
            }
            ready = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + properties.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot check topic " + properties.topic(), e);
        }
    }
}
