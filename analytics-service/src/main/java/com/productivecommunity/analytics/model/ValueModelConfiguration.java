package com.productivecommunity.analytics.model;

import com.productivecommunity.analytics.engine.ValueEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValueModelConfiguration {

    @Bean
    ValueModels valueModels(ValueModelProperties properties) {
        return ValueModels.fromClasspath(properties.models());
    }

    @Bean
    ValueEngine valueEngine(ValueModels models) {
        return new ValueEngine(models.all());
    }
}
