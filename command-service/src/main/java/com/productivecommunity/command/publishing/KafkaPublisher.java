package com.productivecommunity.command.publishing;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventCodec;
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

    KafkaPublisher(KafkaTemplate<String, byte[]> kafka, DomainTopic topic, EventCodec codec,
                   PublishingProperties properties) {
        this.kafka = kafka;
        this.topic = topic;
        this.codec = codec;
        this.properties = properties;
    }

    @EventHandler
    void on(CommunityEvent event, DomainEventMessage<?> message, TrackingToken token) {
        // Before the first record: a topic auto-created by the broker would get its default partitions and retention.
        topic.ensureExists();
        long storePosition = token.position().orElseThrow(
                () -> new IllegalStateException("Tracking token " + token + " has no position"));
        byte[] envelope = codec.write(codec.envelope(event, message.getType(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), storePosition));
        pendingSends().add(kafka.send(properties.topic(), event.communityId().toString(), envelope));
    }

    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailedException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublicationFailedException("Kafka did not acknowledge the batch; it will be retried", e);
        }
    }

    static class PublicationFailedException extends RuntimeException {
        PublicationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
