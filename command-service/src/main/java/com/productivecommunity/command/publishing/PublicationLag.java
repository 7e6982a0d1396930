package com.productivecommunity.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
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
 * only filled after the gap timeout. {@link PublicationRepair} publishes them within a repair interval, so
 * the gauge stays 0 but for moments; a value that stays up means the repair cannot reach the broker.
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
        return passedOver(Integer.MAX_VALUE).size();
    }

    /**
     * Stored events at or before the publisher's token (within the reconcile window) that it never published,
     * leaving out the gaps its token still waits for (those it will publish itself), oldest first, at most
     * {@code limit}.
     */
    List<StoredEvent> passedOver(int limit) {
        Optional<Progress> progress = progress();
        if (progress.isEmpty()) {
            return List.of();
        }
        long position = progress.get().position();
        Set<Long> waitedFor = progress.get().gaps();
        return jdbc.query("""
                        SELECT e.global_index, e.aggregate_identifier, e.sequence_number, e.type
                        FROM domain_event_entry e
                        WHERE e.global_index <= ? AND e.global_index > ?
                          AND NOT EXISTS (SELECT 1 FROM published_event p WHERE p.global_index = e.global_index)
                        ORDER BY e.global_index""",
                        (row, n) -> new StoredEvent(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4)),
                        position, position - properties.reconcileWindow())
                .stream().filter(event -> !waitedFor.contains(event.globalIndex())).limit(limit).toList();
    }

    /** A stored event's identity: its global index, aggregate, sequence and aggregate type. */
    record StoredEvent(long globalIndex, String aggregateId, long sequence, String aggregateType) {
    }

    long publishedPosition() {
        return progress().map(Progress::position).orElse(-1L);
    }

    /**
     * Where the publisher stands: the lowest position over its segments' tokens, and the global indexes its
     * tokens still wait for (gaps: indexes handed out to transactions not yet committed). Empty before it has
     * a token.
     */
    Optional<Progress> progress() {
        List<TrackingToken> tokens = jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ? AND token IS NOT NULL",
                (row, n) -> token(row.getBytes(1), row.getString(2)), KafkaPublisher.PROCESSING_GROUP);
        if (tokens.isEmpty() || tokens.contains(null)) {
            return Optional.empty();
        }
        long position = tokens.stream().mapToLong(token -> token.position().orElse(-1L)).min().orElse(-1L);
        Set<Long> gaps = new HashSet<>();
        tokens.stream().filter(GapAwareTrackingToken.class::isInstance).map(GapAwareTrackingToken.class::cast)
                .forEach(token -> gaps.addAll(token.getGaps()));
        return Optional.of(new Progress(position, gaps));
    }

    record Progress(long position, Set<Long> gaps) {
    }

    private TrackingToken token(byte[] token, String type) {
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
