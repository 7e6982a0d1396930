package com.productivecommunity.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code publication.lag}: events in the store that the publisher has not yet published (those
 * after its token). Read from the tables, so it keeps counting while the publisher is failing.
 */
@Component
class PublicationLag {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    PublicationLag(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        Gauge.builder("publication.lag", this, PublicationLag::eventsNotPublished)
                .description("Events stored but not yet published to Kafka")
                .tag("processor", KafkaPublisher.PROCESSING_GROUP)
                .register(registry);
    }

    long eventsNotPublished() {
        long published = publishedPosition();
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ?",
                Long.class, published);
        return count == null ? 0 : count;
    }

    long publishedPosition() {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ? AND token IS NOT NULL",
                        (row, n) -> position(row.getBytes(1), row.getString(2)), KafkaPublisher.PROCESSING_GROUP)
                .stream().mapToLong(Long::longValue).min().orElse(-1L);
    }

    private long position(byte[] token, String type) {
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? -1L : tracking.position().orElse(-1L);
    }
}
