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
 * Gauge {@code publication.skipped}: events at or before the token (within the reconcile window) that
 * were never published: a tracking processor can pass over an event whose global index was a gap that
 * only filled after the gap timeout. It should always be 0; anything else needs a replay.
 */
@Component
class PublicationLag {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    private final PublishingProperties properties;

    PublicationLag(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer, MeterRegistry registry,
                   PublishingProperties properties) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.properties = properties;
        Gauge.builder("publication.skipped", this, PublicationLag::eventsSkipped)
                .description("Stored events the publisher passed without publishing them")
                .tag("processor", KafkaPublisher.PROCESSING_GROUP)
                .register(registry);
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

    long eventsSkipped() {
        long published = publishedPosition();
        Long count = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry e
                WHERE e.global_index <= ? AND e.global_index > ?
                  AND NOT EXISTS (SELECT 1 FROM published_event p WHERE p.global_index = e.global_index)""",
                Long.class, published, published - properties.reconcileWindow());
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
