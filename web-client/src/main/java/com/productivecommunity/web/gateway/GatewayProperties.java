package com.productivecommunity.web.gateway;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the three services answer, and how long a forwarded call (not a live stream) may take. */
@ConfigurationProperties("platform.web")
public record GatewayProperties(
        @DefaultValue("http://localhost:8081") URI commandUrl,
        @DefaultValue("http://localhost:8082") URI queryUrl,
        @DefaultValue("http://localhost:8083") URI analyticsUrl,
        @DefaultValue("30s") Duration timeout) {
}
