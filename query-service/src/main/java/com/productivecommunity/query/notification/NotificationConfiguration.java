package com.productivecommunity.query.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The digest port's default adapter: the log, unless the deployment supplies a {@link DigestSender} of its own. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    @ConditionalOnMissingBean(DigestSender.class)
    DigestSender loggingDigestSender() {
        return new LoggingDigestSender();
    }
}
