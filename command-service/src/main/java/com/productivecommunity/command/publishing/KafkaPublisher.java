package com.productivecommunity.command.publishing;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends every stored event to the domain topic, keyed by community. Runs in a tracking processor: a
 * batch's records are sent together and the batch commits its token only once the broker acknowledged
 * all of them. If the broker is down the batch fails and is retried from the same token, so an outage
 * delays publication, repeats at most a batch, and never touches a command.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
class KafkaPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = KafkaPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final DomainTopic topic;
    private final EventCodec codec;
    private final PublishingProperties properties;
    private final JdbcTemplate jdbc;

    KafkaPublisher(KafkaTemplate<String, byte[]> kafka, DomainTopic topic, EventCodec codec,
                   PublishingProperties properties, JdbcTemplate jdbc) {
        this.kafka = kafka;
        this.topic = topic;
        this.codec = codec;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommunityEvent event, DomainEventMessage<?> message, TrackingToken token) {
        // Before the first record: a topic auto-created by the broker would get its default partitions and retention.
        topic.ensureExists();
        long storePosition = token.position().orElseThrow(
                () -> new IllegalStateException("Tracking token " + token + " has no position"));
        byte[] envelope = codec.write(codec.envelope(event, message.getType(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), storePosition));
        Batch batch = currentBatch();
        batch.sends.add(kafka.send(properties.topic(), event.communityId().toString(), envelope));
        batch.positions.add(storePosition);
    }

    private Batch currentBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> {
                awaitAcknowledgements(batch.sends, properties.ackTimeout());
                recordPublished(batch.positions);
            });
            return batch;
        });
    }

    /** Remembers the last window of published positions, for {@link PublicationLag}'s reconciliation. */
    private void recordPublished(List<Long> positions) {
        jdbc.batchUpdate("INSERT INTO published_event (global_index) VALUES (?) ON CONFLICT DO NOTHING", positions, 500,
                (statement, position) -> statement.setLong(1, position));
        long oldest = positions.stream().mapToLong(Long::longValue).min().orElse(0) - properties.reconcileWindow();
        jdbc.update("DELETE FROM published_event WHERE global_index < ?", oldest);
    }

    private static final class Batch {
        private final List<CompletableFuture<?>> sends = new ArrayList<>();
        private final List<Long> positions = new ArrayList<>();
    }

    /** Waits for the broker to acknowledge every send; a failure or time-out means none is taken as sent. */
    static void awaitAcknowledgements(List<CompletableFuture<?>> sends, Duration timeout) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailedException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublicationFailedException("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }

    static class PublicationFailedException extends RuntimeException {
        PublicationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
