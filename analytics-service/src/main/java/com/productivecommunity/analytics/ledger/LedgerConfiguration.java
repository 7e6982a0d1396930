package com.productivecommunity.analytics.ledger;

import com.productivecommunity.analytics.engine.ValueEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    LedgerStore ledgerStore(JdbcTemplate jdbc, ValueEngine engine) {
        return new LedgerStore(jdbc, engine);
    }
}
