package com.productivecommunity.command.publishing;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes what the publisher passed over. Axon's tracking processor stops waiting for a global index that
 * is still missing (a gap: a transaction that had its index but had not committed) once the events after it
 * are older than the store's gap timeout; if that transaction commits later, its event lies behind the
 * publisher's token and is never sent. Every {@code platform.kafka.repair-interval} this finds such events
 * (stored at or before the token, within the reconcile window, in no {@code published_event} row, and not a
 * gap the token still waits for), sends them as the publisher would (same envelope, same key), and records
 * them as published, all under an advisory lock so that two instances do not both send them. They reach the
 * topic after later events of their community; the projections hold an aggregate's later events behind the
 * missing sequence until it arrives (see service-support's PROJECTIONS.md), so per-aggregate order holds.
 */
@Component
class PublicationRepair implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicationRepair.class);
    /** {@code pg_try_advisory_xact_lock} key: "publication-repair". */
    private static final long LOCK = 0x7075622d72657061L;
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PublicationLag lag;
    private final EventStore eventStore;
    private final KafkaTemplate<String, byte[]> kafka;
    private final DomainTopic topic;
    private final EventCodec codec;
    private final PublishingProperties properties;
    private final Counter repaired;
    /** Stored rows that are not the domain's events (nothing to publish), so they are not looked at again. */
    private final Set<Long> notEvents = new HashSet<>();
    private ScheduledExecutorService executor;

    PublicationRepair(JdbcTemplate jdbc, TransactionTemplate transactions, PublicationLag lag, EventStore eventStore,
                      KafkaTemplate<String, byte[]> kafka, DomainTopic topic, EventCodec codec,
                      PublishingProperties properties, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lag = lag;
        this.eventStore = eventStore;
        this.kafka = kafka;
        this.topic = topic;
        this.codec = codec;
        this.properties = properties;
        this.repaired = Counter.builder("publication.repaired")
                .description("Stored events the publisher had passed over, published afterwards by the repair")
                .tag("processor", KafkaPublisher.PROCESSING_GROUP)
                .register(registry);
    }

    /**
     * One pass: publishes every passed-over event found (up to a batch), returns how many. Throws when the
     * broker does not acknowledge them; nothing is then recorded and the next pass sends them again.
     */
    int repair() {
        Integer sent = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return 0; // another instance is repairing
            }
            return repairLocked();
        });
        return sent == null ? 0 : sent;
    }

    private int repairLocked() {
        List<PublicationLag.StoredEvent> candidates = lag.passedOver(Integer.MAX_VALUE).stream()
                .filter(row -> !notEvents.contains(row.globalIndex())).limit(BATCH).toList();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<Long> sentPositions = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (PublicationLag.StoredEvent row : candidates) {
            Optional<CommunityEvent> read = read(row);
            if (read.isEmpty()) {
                notEvents.add(row.globalIndex());
                continue;
            }
            CommunityEvent event = read.get();
            topic.ensureExists();
            byte[] envelope = codec.write(codec.envelope(event, row.aggregateType(), row.aggregateId(),
                    row.sequence(), row.globalIndex()));
            sends.add(kafka.send(properties.topic(), event.communityId().toString(), envelope));
            sentPositions.add(row.globalIndex());
            described.add(row.globalIndex() + " (" + event.getClass().getSimpleName() + " " + event.eventId() + ")");
        }
        if (sends.isEmpty()) {
            return 0;
        }
        KafkaPublisher.awaitAcknowledgements(sends, properties.ackTimeout());
        jdbc.batchUpdate("INSERT INTO published_event (global_index) VALUES (?) ON CONFLICT DO NOTHING", sentPositions,
                BATCH, (statement, index) -> statement.setLong(1, index));
        repaired.increment(sends.size());
        log.warn("Published {} stored event(s) the publisher had passed over (committed after the store's gap"
                + " timeout): store positions {}", sends.size(), described);
        return sends.size();
    }

    /** The stored event at the row, upcast as every reader sees it; empty (logged once) if it is none. */
    private Optional<CommunityEvent> read(PublicationLag.StoredEvent row) {
        try {
            Optional<Object> payload = eventStore.readEvents(row.aggregateId(), row.sequence()).asStream()
                    .filter(message -> message.getSequenceNumber() == row.sequence())
                    .findFirst().map(DomainEventMessage::getPayload);
            if (payload.isPresent() && payload.get() instanceof CommunityEvent event) {
                return Optional.of(event);
            }
            log.error("Store position {} (aggregate {}, sequence {}) holds no domain event: it is not published",
                    row.globalIndex(), row.aggregateId(), row.sequence());
        } catch (RuntimeException e) {
            log.error("Store position {} (aggregate {}, sequence {}) cannot be read, so it is not published: {}",
                    row.globalIndex(), row.aggregateId(), row.sequence(), e.toString());
        }
        return Optional.empty();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "publication-repair");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.repairInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            repair();
        } catch (RuntimeException e) {
            log.warn("Publication repair failed; retrying in {}: {}", properties.repairInterval(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
