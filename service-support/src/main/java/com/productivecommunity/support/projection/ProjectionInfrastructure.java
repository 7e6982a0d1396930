package com.productivecommunity.support.projection;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What every projection of a service shares: its database and transactions, the Kafka client settings and
 * topic, the tuning, read-your-writes and the meter registry ({@code positions} and {@code meters} may be
 * null, e.g. in a plain test).
 */
public record ProjectionInfrastructure(DataSource dataSource, PlatformTransactionManager transactionManager,
                                       Map<String, Object> kafka, String topic, ProjectionProperties properties,
                                       ProjectionPositions positions, MeterRegistry meters) {

    public ProjectionInfrastructure {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(transactionManager, "transactionManager");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(properties, "properties");
        kafka = Map.copyOf(kafka);
    }
}
