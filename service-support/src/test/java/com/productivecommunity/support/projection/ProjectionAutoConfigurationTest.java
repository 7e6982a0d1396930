package com.productivecommunity.support.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.support.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class ProjectionAutoConfigurationTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    ProjectionAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + TestDatabases.url("support"),
                    "spring.datasource.username=postgres", "platform.projection.auto-startup=false");

    @Test
    void runsEveryProjectionBeanWithHealthAndReadYourWrites() {
        context.withBean("first", Projection.class, () -> projection("first"))
                .withBean("second", Projection.class, () -> projection("second"))
                .run(started -> {
                    assertThat(started.getBean(ProjectionAdmin.class).names()).containsExactly("first", "second");
                    assertThat(started).hasSingleBean(ProjectionPositions.class);
                    assertThat(started).hasBean("projectionsHealthContributor");
                    assertThat(started).hasBean("awaitPositionWebConfigurer");
                });
    }

    @Test
    void staysAwayFromServicesWithoutProjections() {
        context.run(started -> {
            assertThat(started).doesNotHaveBean(ProjectionAdmin.class);
            assertThat(started).doesNotHaveBean(ProjectionPositions.class);
        });
    }

    private static Projection projection(String name) {
        return new Projection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(List<ProjectedEvent> events) {
            }

            @Override
            public void reset() {
            }
        };
    }
}
