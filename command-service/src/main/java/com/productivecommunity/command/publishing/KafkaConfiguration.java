package com.productivecommunity.command.publishing;

import com.productivecommunity.events.EventCodec;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** The domain topic: keyed by community, kept forever (it is the analysts' replay source). */
    @Bean
    NewTopic communityEventsTopic(PublishingProperties properties) {
        return new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
    }

    /** Startup must not wait for, or fail on, a broker that is down; the publisher creates the topic later. */
    @Bean
    KafkaAdmin kafkaAdmin(KafkaProperties kafka) {
        KafkaAdmin admin = new KafkaAdmin(kafka.buildAdminProperties(null));
        admin.setFatalIfBrokerNotAvailable(false);
        admin.setOperationTimeout(5);
        admin.setCloseTimeout(2);
        return admin;
    }
}
