package com.productivecommunity.command.publishing;

import com.productivecommunity.events.EventCodec;
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

    /** Admin client settings only: the topic is created by {@link DomainTopic}, never modified. */
    @Bean
    KafkaAdmin kafkaAdmin(KafkaProperties kafka) {
        KafkaAdmin admin = new KafkaAdmin(kafka.buildAdminProperties(null));
        admin.setAutoCreate(false);
        admin.setFatalIfBrokerNotAvailable(false);
        admin.setOperationTimeout(5);
        admin.setCloseTimeout(2);
        return admin;
    }
}
