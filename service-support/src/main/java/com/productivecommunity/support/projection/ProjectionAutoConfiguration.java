package com.productivecommunity.support.projection;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Runs every {@link Projection} bean of the service on {@code platform.kafka.topic}, with the metrics,
 * health, read-your-writes waiting ({@code X-Await-Position} on {@code /api/**}), and in servlet services the
 * analysts' endpoints under {@code /api/admin/projections} (status, rebuild, parked records).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        HibernateJpaAutoConfiguration.class, FlywayAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnBean({Projection.class, DataSource.class})
@EnableConfigurationProperties({ProjectionProperties.class, ReadYourWritesProperties.class})
public class ProjectionAutoConfiguration {

    @Bean
    ProjectionPositions projectionPositions(DataSource dataSource, List<Projection> projections) {
        return new ProjectionPositions(dataSource, projections.stream().filter(Projection::readYourWrites)
                .map(Projection::name).toList());
    }

    @Bean
    ProjectionInfrastructure projectionInfrastructure(DataSource dataSource,
                                                      ObjectProvider<PlatformTransactionManager> transactionManager,
                                                      ObjectProvider<KafkaProperties> kafkaProperties,
                                                      ObjectProvider<SslBundles> sslBundles,
                                                      ObjectProvider<MeterRegistry> meters, ProjectionPositions positions,
                                                      ProjectionProperties properties,
                                                      @Value("${platform.kafka.topic:community-events}") String topic) {
        PlatformTransactionManager transactions =
                transactionManager.getIfAvailable(() -> new DataSourceTransactionManager(dataSource));
        Map<String, Object> kafka = new LinkedHashMap<>();
        KafkaProperties boot = kafkaProperties.getIfAvailable(KafkaProperties::new);
        kafka.putAll(boot.buildConsumerProperties(sslBundles.getIfAvailable()));
        return new ProjectionInfrastructure(dataSource, transactions, kafka, topic, properties, positions,
                meters.getIfAvailable());
    }

    @Bean
    ProjectionAdmin projectionAdmin(ProjectionInfrastructure infrastructure, List<Projection> projections,
                                    ProjectionProperties properties) {
        return new ProjectionAdmin(infrastructure, projections, properties.isAutoStartup());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthContributor.class)
    static class Health {
        @Bean
        HealthContributor projectionsHealthContributor(ProjectionAdmin admin, ProjectionProperties properties) {
            return new ProjectionsHealthContributor(admin, properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {
        @Bean
        WebMvcConfigurer awaitPositionWebConfigurer(ProjectionPositions positions, ReadYourWritesProperties readYourWrites) {
            AwaitPositionInterceptor interceptor = new AwaitPositionInterceptor(positions, readYourWrites.getTimeout());
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(interceptor).addPathPatterns("/api/**");
                }
            };
        }

        @Bean
        ProjectionAdminController projectionAdminController(ProjectionAdmin admin) {
            return new ProjectionAdminController(admin);
        }
    }
}
