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
        return new KafkaAdmin(kafka.buildAdminProperties(null));
    }
}
