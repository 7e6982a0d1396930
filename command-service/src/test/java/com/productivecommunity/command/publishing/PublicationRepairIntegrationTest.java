package com.productivecommunity.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.productivecommunity.command.testing.Api;
import com.productivecommunity.command.testing.TestKafka;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.support.testing.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event whose transaction commits after the publisher stopped waiting for its global index: the publisher
 * passes over it (a gap timeout of 2 s and gaps cleaned at once, so that this happens in seconds rather than
 * Axon's minute), and the publication repair sends it, once, with the envelope the publisher would have sent.
 * A context and database of its own: the short gap timeout is not the other tests' setting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.org.apache.kafka=ERROR",
        "logging.level.org.axonframework.eventhandling.TrackingEventProcessor=ERROR",
        "platform.audit.local-key-file=target/audit/audit-signing-key.pem",
        "platform.event-store.gap-timeout=2s",
        "platform.event-store.gap-cleaning-threshold=0",
        "platform.kafka.repair-interval=300ms",
        "platform.kafka.topic=community-events-repair-test"})
class PublicationRepairIntegrationTest {

    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PublicationLag lag;

    @Autowired
    PublishingProperties properties;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("command_publication_repair"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestKafka.shared().bootstrapServers());
    }

    @Test
    void anEventCommittedAfterTheGapTimeoutIsPublishedOnceByTheRepair() throws Exception {
        CommunityFounded founded = new CommunityFounded(UUID.randomUUID(), UUID.randomUUID(), "carol",
                Instant.parse("2026-12-03T09:00:00Z"), "Late community", "committed after the gap timeout");
        double repairedBefore = meters.counter("publication.repaired", "processor", KafkaPublisher.PROCESSING_GROUP)
                .count();
        long late;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            late = insert(open, founded); // its index is handed out; the row is not visible until commit
            long after = command();
            assertThat(after).isGreaterThan(late);
            // The publisher first waits for the open index, then (the events after it older than 2 s) gives it up.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                command(); // the processor cleans its gaps when it reads new events
                PublicationLag.Progress progress = lag.progress().orElseThrow();
                return progress.position() > late && !progress.gaps().contains(late);
            });
            open.commit();
        }

        List<ConsumerRecord<String, byte[]>> records =
                TopicRecords.await(properties, Set.of(founded.eventId()), Duration.ofSeconds(60));
        List<ConsumerRecord<String, byte[]>> copies = records.stream()
                .filter(record -> codec.read(record.value()).eventId().equals(founded.eventId())).toList();
        assertThat(copies).as("published once").hasSize(1);
        EventEnvelope envelope = codec.read(copies.get(0).value());
        assertThat(copies.get(0).key()).isEqualTo(founded.communityId().toString());
        assertThat(envelope.storePosition()).isEqualTo(late);
        assertThat(envelope.aggregateId()).isEqualTo(founded.communityId().toString());
        assertThat(envelope.sequence()).isZero();
        assertThat(codec.event(envelope)).isEqualTo(founded);
        await().atMost(Duration.ofSeconds(30)).until(() -> lag.eventsSkipped() == 0);
        assertThat(meters.counter("publication.repaired", "processor", KafkaPublisher.PROCESSING_GROUP).count())
                .isEqualTo(repairedBefore + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM published_event WHERE global_index = ?", Long.class, late))
                .isEqualTo(1);
    }

    /** A domain event stored as Axon stores it, in the given (open) transaction; returns its global index. */
    private long insert(Connection connection, CommunityFounded event) throws Exception {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index,"
                + " event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                + " payload_revision, payload, meta_data)"
                + " VALUES (nextval('domain_event_entry_seq'), ?, ?, 0, 'Community', ?, ?, ?, ?, ?)"
                + " RETURNING global_index")) {
            insert.setString(1, event.eventId().toString());
            insert.setString(2, event.communityId().toString());
            insert.setString(3, event.occurredAt().toString());
            insert.setString(4, payload.getType().getName());
            insert.setString(5, payload.getType().getRevision());
            insert.setBytes(6, payload.getData());
            insert.setBytes(7, metaData.getData());
            try (var index = insert.executeQuery()) {
                index.next();
                return index.getLong(1);
            }
        }
    }

    /** One real event through the API; returns its global index. */
    private long command() {
        String community = Api.as(port, "carol").post("/api/communities",
                "{\"name\":\"Gap community\",\"purpose\":\"every event once\"}").text("communityId");
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, community);
    }
}
