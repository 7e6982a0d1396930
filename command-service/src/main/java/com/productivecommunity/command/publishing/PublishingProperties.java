package com.productivecommunity.command.publishing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The domain's topic ({@code platform.kafka.*}).
 *
 * @param topic             topic name, default {@code community-events}
 * @param partitions        partitions when the topic is created, default 6
 * @param replicationFactor replicas when the topic is created, default 1
 * @param ackTimeout        how long a batch waits for the broker's acknowledgements before it is retried
 * @param healthTimeout     how long the health check waits for the cluster to answer
 * @param reconcileWindow   how many store positions before the publisher's token are checked for skipped events
 * @param repairInterval    how often skipped events are looked for and published ({@link PublicationRepair})
 */
@ConfigurationProperties("platform.kafka")
record PublishingProperties(String topic, Integer partitions, Short replicationFactor, Duration ackTimeout,
                            Duration healthTimeout, Long reconcileWindow, Duration repairInterval) {
    PublishingProperties {
        topic = topic == null ? "community-events" : topic;
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(20) : ackTimeout;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
        reconcileWindow = reconcileWindow == null ? 10_000L : reconcileWindow;
        repairInterval = repairInterval == null ? Duration.ofSeconds(5) : repairInterval;
    }
}
