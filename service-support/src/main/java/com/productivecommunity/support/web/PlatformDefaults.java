package com.productivecommunity.support.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, below anything a service or an operator configures (the property source is
 * the last one consulted): operations endpoints that show only a status to anonymous callers, probes, request
 * timeouts, and under {@code prod} the proxy's {@code X-Forwarded-Proto} trusted so that HSTS is sent.
 */
class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String NAME = "platformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        // Details, components and their exception texts only for OPERATOR (the scraper); everyone else sees UP/DOWN.
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.show-components", "when-authorized");
        defaults.put("management.endpoint.health.roles", "OPERATOR");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.info.env.enabled", "false");
        // DEGRADED: a projection runs but holds parked records for an operator (service-support/PROJECTIONS.md);
        // the service still serves, so load balancers and ./platform see it as up (HTTP 200).
        defaults.put("management.endpoint.health.status.order", "DOWN,OUT_OF_SERVICE,DEGRADED,UNKNOWN,UP");
        // A mapping of our own replaces Spring Boot's defaults as a whole (DOWN and OUT_OF_SERVICE would answer
        // 200): they are stated again here.
        defaults.put("management.endpoint.health.status.http-mapping.DEGRADED", "200");
        defaults.put("management.endpoint.health.status.http-mapping.DOWN", "503");
        defaults.put("management.endpoint.health.status.http-mapping.OUT_OF_SERVICE", "503");
        // A client that connects and sends nothing (or trickles its headers or body) is dropped after 20 s.
        defaults.put("server.tomcat.connection-timeout", "20s");
        defaults.put("server.tomcat.keep-alive-timeout", "20s");
        defaults.put("server.max-http-request-header-size", "16KB");
        // Async requests (SSE streams set their own, longer, timeout per emitter) end after 30 s.
        defaults.put("spring.mvc.async.request-timeout", "30s");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.error.include-stacktrace", "never");
        if (environment.matchesProfiles("prod")) {
            defaults.put("server.forward-headers-strategy", "native");
        }
        environment.getPropertySources().addLast(new MapPropertySource(NAME, defaults));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
