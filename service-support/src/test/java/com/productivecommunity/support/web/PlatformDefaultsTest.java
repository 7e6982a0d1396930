package com.productivecommunity.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointProperties;
import org.springframework.boot.actuate.health.SimpleHttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/** The operations defaults every service gets: health's HTTP statuses as load balancers and probes read them. */
class PlatformDefaultsTest {

    @Test
    void degradedAnswers200AndDownAndOutOfServiceStill503() {
        StandardEnvironment environment = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        HealthEndpointProperties properties = Binder.get(environment)
                .bindOrCreate("management.endpoint.health", HealthEndpointProperties.class);
        // As Spring Boot's health endpoint configuration builds its mapper from these properties.
        SimpleHttpCodeStatusMapper mapper = new SimpleHttpCodeStatusMapper(properties.getStatus().getHttpMapping());

        assertThat(mapper.getStatusCode(Status.UP)).isEqualTo(200);
        assertThat(mapper.getStatusCode(new Status("DEGRADED"))).isEqualTo(200);
        assertThat(mapper.getStatusCode(Status.DOWN)).isEqualTo(503);
        assertThat(mapper.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
    }
}
