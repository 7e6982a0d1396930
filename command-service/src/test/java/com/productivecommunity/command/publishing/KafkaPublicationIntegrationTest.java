package com.productivecommunity.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.productivecommunity.command.testing.Api.Response;
import com.productivecommunity.command.testing.CommandServiceIntegrationTest;
import com.productivecommunity.command.testing.TestKafka;
import com.productivecommunity.events.AggregateTypes;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventCatalog;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Commands in, envelopes out on the real topic: in order per community, at least once, across a broker outage. */
class KafkaPublicationIntegrationTest extends CommandServiceIntegrationTest {

    private final EventCodec codec = new EventCodec();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublishingProperties properties;

    @Autowired
    PublicationLag lag;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyEventReachesTheTopicKeyedByCommunityWithTheDocumentedEnvelope() {
        long before = lastStored();
        String first = storyOfACommunity();
        String second = storyOfACommunity();

        Map<UUID, StoredEvent> stored = storedSince(before);
        List<ConsumerRecord<String, byte[]>> records = awaitOnTopic(stored.keySet(), Duration.ofSeconds(60));

        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope = codec.read(record.value());
            StoredEvent event = stored.get(envelope.eventId());
            if (event == null) {
                continue;
            }
            assertThat(record.key()).isEqualTo(envelope.communityId().toString());
            assertThat(envelope.aggregateId()).isEqualTo(event.aggregateId());
            assertThat(envelope.sequence()).isEqualTo(event.sequence());
            assertThat(envelope.storePosition()).isEqualTo(event.globalIndex());
            assertThat(envelope.aggregateType()).isIn(AggregateTypes.COMMUNITY, AggregateTypes.CONTRIBUTION);
            CommunityEvent decoded = codec.event(envelope);
            assertThat(envelope.schemaVersion()).as("the current contract")
                    .isEqualTo(EventCatalog.currentVersion(decoded.getClass()));
            assertThat(decoded.getClass().getSimpleName()).isEqualTo(envelope.type());
            assertThat(decoded.eventId()).isEqualTo(envelope.eventId());
            assertThat(decoded.communityId()).isEqualTo(envelope.communityId());
            assertThat(decoded.actorId()).isEqualTo(envelope.actorId());
            assertThat(decoded.occurredAt()).isEqualTo(envelope.occurredAt());
        }
        Map<UUID, List<Long>> order = firstDeliveryOrderPerCommunity(records, stored.keySet());
        assertThat(order).containsKeys(UUID.fromString(first), UUID.fromString(second));
        assertThat(order.get(UUID.fromString(first))).hasSize(9);
        order.values().forEach(positions -> assertThat(positions).isSorted());
        assertThat(types(records, stored.keySet())).contains("CommunityFounded", "MemberJoined", "ContributionPosted",
                "ReactionGiven", "ContributionViewed", "AnswerAccepted", "OutcomeRecorded", "MemberPurposeStated");
    }

    @Test
    void aBrokerOutageDelaysPublicationButLosesNothingAndFailsNoCommand() {
        String community = storyOfACommunity();
        await().atMost(Duration.ofSeconds(60)).until(() -> lag.eventsNotPublished() == 0);
        long before = lastStored();

        TestKafka.shared().stop();
        try {
            for (String member : List.of("carol", "frank", "grace")) {
                Response joined = as(member).post("/api/communities/" + community + "/members", null);
                assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
            }
            String other = storyOfACommunity();
            assertThat(other).isNotBlank();
            assertThat(lag.eventsNotPublished()).isPositive();
            Response health = operator().get("/actuator/health");
            assertThat(health.json().at("/components/kafka/status").asText()).isEqualTo("DOWN");
            assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
        } finally {
            TestKafka.shared().start();
        }

        Map<UUID, StoredEvent> stored = storedSince(before);
        assertThat(stored).hasSize(12);
        List<ConsumerRecord<String, byte[]>> records = awaitOnTopic(stored.keySet(), Duration.ofSeconds(120));

        // A redelivered event carries the same id and the same envelope: a consumer can skip it by id.
        Map<UUID, List<EventEnvelope>> byId = records.stream().map(record -> codec.read(record.value()))
                .filter(envelope -> stored.containsKey(envelope.eventId()))
                .collect(Collectors.groupingBy(EventEnvelope::eventId));
        assertThat(byId.keySet()).isEqualTo(stored.keySet());
        byId.values().forEach(copies -> assertThat(copies).allSatisfy(copy -> {
            assertThat(copy.storePosition()).isEqualTo(copies.get(0).storePosition());
            assertThat(copy.sequence()).isEqualTo(copies.get(0).sequence());
            assertThat(copy.payload()).isEqualTo(copies.get(0).payload());
        }));
        firstDeliveryOrderPerCommunity(records, stored.keySet()).values()
                .forEach(positions -> assertThat(positions).isSorted());
        await().atMost(Duration.ofSeconds(60)).until(() -> lag.eventsNotPublished() == 0);
    }

    @Test
    void aRedeliveredEventCarriesTheSameIdAndEnvelope() {
        String community = storyOfACommunity();
        await().atMost(Duration.ofSeconds(60)).until(() -> lag.eventsNotPublished() == 0);
        UUID founded = UUID.fromString(jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, community));

        // Replaying from the start of the store publishes every event a second time.
        TrackingEventProcessor publisher = processing.eventProcessor(KafkaPublisher.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow();
        publisher.shutDown();
        publisher.resetTokens();
        publisher.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> lag.eventsNotPublished() == 0);

        List<EventEnvelope> copies = awaitOnTopic(Set.of(founded), Duration.ofSeconds(30)).stream()
                .map(record -> codec.read(record.value())).filter(envelope -> envelope.eventId().equals(founded))
                .toList();
        assertThat(copies).hasSizeGreaterThanOrEqualTo(2);
        assertThat(copies).allSatisfy(copy -> {
            assertThat(copy.storePosition()).isEqualTo(copies.get(0).storePosition());
            assertThat(copy.sequence()).isZero();
            assertThat(copy.payload()).isEqualTo(copies.get(0).payload());
        });
    }

    @Test
    void anEventThePublisherPassedOverIsReportedAsSkipped() {
        storyOfACommunity();
        await().atMost(Duration.ofSeconds(60)).until(() -> lag.eventsNotPublished() == 0);
        assertThat(lag.eventsSkipped()).isZero();

        // Global index 0 is never handed out: a row there is behind the token and was never published,
        // as an event whose index was a gap that filled after the gap timeout would be.
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload)
                VALUES (0, ?, ?, 0, 'Community', '2026-11-26T10:15:30Z', 'com.productivecommunity.events.MemberLeft',
                    '1', convert_to('{}', 'UTF8'))""", UUID.randomUUID().toString(), UUID.randomUUID().toString());
        try {
            assertThat(lag.eventsSkipped()).isEqualTo(1);
            assertThat(operator().get("/actuator/prometheus").raw().body()).contains("publication_skipped{");
        } finally {
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index = 0");
        }
    }

    @Test
    void theTopicKeepsEventsForever() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, properties.topic());
            Config settings = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(settings.get("retention.ms").value()).isEqualTo("-1");
            assertThat(admin.describeTopics(List.of(properties.topic())).allTopicNames().get()
                    .get(properties.topic()).partitions()).hasSize(properties.partitions());
        }
    }

    /** Found, join, state a purpose, ask, answer, react, view, accept, record an outcome: 9 events of one community. */
    private String storyOfACommunity() {
        Response founded = as("alice").post("/api/communities", "{\"name\":\"Maintenance\",\"purpose\":\"Less downtime\"}");
        assertThat(founded.status()).as(founded.toString()).isEqualTo(201);
        String community = founded.text("communityId");
        assertThat(as("bob").post("/api/communities/" + community + "/members", "{\"purpose\":\"Learn\"}").status())
                .isEqualTo(201);
        assertThat(as("bob").put("/api/communities/" + community + "/members/me/purpose", "{\"purpose\":\"Fix pumps\"}")
                .status()).isEqualTo(200);
        String question = as("bob").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"QUESTION\",\"title\":\"Pump?\",\"body\":\"Why does it stop?\"}").text("contributionId");
        String answer = as("alice").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"ANSWER\",\"body\":\"The filter\",\"inReplyTo\":\"" + question + "\"}").text("contributionId");
        assertThat(as("bob").post("/api/contributions/" + answer + "/reactions", "{\"kind\":\"THANKS\"}").status())
                .isEqualTo(201);
        assertThat(as("bob").post("/api/contributions/" + answer + "/views", null).status()).isEqualTo(202);
        assertThat(as("bob").put("/api/contributions/" + question + "/accepted-answer",
                "{\"answerId\":\"" + answer + "\"}").status()).isEqualTo(200);
        assertThat(as("alice").post("/api/communities/" + community + "/outcomes",
                "{\"description\":\"Saved 3 hours\",\"value\":300,\"contributionIds\":[\"" + answer + "\"]}").status())
                .isEqualTo(201);
        return community;
    }

    private record StoredEvent(String aggregateId, long sequence, long globalIndex) {
    }

    private long lastStored() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    private Map<UUID, StoredEvent> storedSince(long globalIndex) {
        Map<UUID, StoredEvent> events = new HashMap<>();
        jdbc.query("SELECT event_identifier, aggregate_identifier, sequence_number, global_index FROM domain_event_entry"
                + " WHERE global_index > ?", row -> {
                    events.put(UUID.fromString(row.getString(1)),
                            new StoredEvent(row.getString(2), row.getLong(3), row.getLong(4)));
                }, globalIndex);
        return events;
    }

    /** Store positions of each community's events in the order they were first delivered. */
    private Map<UUID, List<Long>> firstDeliveryOrderPerCommunity(List<ConsumerRecord<String, byte[]>> records,
                                                                 Set<UUID> eventIds) {
        Map<UUID, List<Long>> order = new LinkedHashMap<>();
        Set<UUID> seen = new java.util.HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope = codec.read(record.value());
            if (eventIds.contains(envelope.eventId()) && seen.add(envelope.eventId())) {
                order.computeIfAbsent(envelope.communityId(), id -> new ArrayList<>()).add(envelope.storePosition());
            }
        }
        return order;
    }

    private List<String> types(List<ConsumerRecord<String, byte[]>> records, Set<UUID> eventIds) {
        return records.stream().map(record -> codec.read(record.value()))
                .filter(envelope -> eventIds.contains(envelope.eventId())).map(EventEnvelope::type).distinct().toList();
    }

    /** Reads the whole topic until every expected event is there, and on to its current end. */
    private List<ConsumerRecord<String, byte[]>> awaitOnTopic(Set<UUID> expected, Duration timeout) {
        return TopicRecords.await(properties, expected, timeout);
    }
}
