package com.productivecommunity.command.publishing;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Health contributor {@code kafka}: DOWN when the cluster does not answer quickly; commands keep working meanwhile. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin admin;
    private final PublishingProperties properties;
    private volatile AdminClient client;

    KafkaHealthIndicator(KafkaAdmin admin, PublishingProperties properties) {
        super("Kafka is not reachable");
        this.admin = admin;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        long timeout = properties.healthTimeout().toMillis();
        DescribeClusterResult cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout));
        String clusterId = cluster.clusterId().get(timeout, TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(timeout, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes)
                .withDetail("topic", properties.topic());
    }

    private AdminClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = AdminClient.create(admin.getConfigurationProperties());
                }
            }
        }
        return client;
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
