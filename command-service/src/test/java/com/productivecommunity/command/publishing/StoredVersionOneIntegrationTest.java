package com.productivecommunity.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.command.testing.CommandServiceIntegrationTest;
import com.productivecommunity.events.EventCatalog;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.MemberJoined;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A history written before segments existed: a community founded and joined as version 1 events, stored exactly
 * as command-service wrote them then. The aggregate still decides on it, new events are version 2, and the
 * publisher hands every consumer the current contract (the old events upcast, never rewritten in the store).
 */
class StoredVersionOneIntegrationTest extends CommandServiceIntegrationTest {

    private final EventCodec codec = new EventCodec();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublishingProperties properties;

    @Test
    void aVersionOneHistoryIsDecidedOnAndPublishedAsTheCurrentContract() {
        UUID community = UUID.randomUUID();
        UUID founded = UUID.randomUUID();
        UUID joined = UUID.randomUUID();
        store(community, 0, founded, "CommunityFounded", """
                {"eventId":"%s","communityId":"%s","actorId":"alice","occurredAt":"2026-01-05T09:00:00Z",
                 "name":"Pumps","purpose":"Fewer breakdowns"}""".formatted(founded, community));
        store(community, 1, joined, "MemberJoined", """
                {"eventId":"%s","communityId":"%s","actorId":"bob","occurredAt":"2026-01-06T09:00:00Z",
                 "purpose":"Learn"}""".formatted(joined, community));
        // A partner who joined then, when nothing kept partners out.
        UUID partner = UUID.randomUUID();
        store(community, 2, partner, "MemberJoined", """
                {"eventId":"%s","communityId":"%s","actorId":"pia","occurredAt":"2026-01-07T09:00:00Z",
                 "purpose":null}""".formatted(partner, community));
        // The command side's lookups as they were kept then.
        jdbc.update("INSERT INTO community_lookup (community_id) VALUES (?)", community);
        jdbc.update("INSERT INTO community_membership (community_id, member_id) VALUES (?, 'alice'), (?, 'bob'),"
                + " (?, 'pia')", community, community, community);

        String path = "/api/communities/" + community + "/members";
        assertThat(as("bob").post(path, null).status()).as("bob is a member per the v1 MemberJoined").isEqualTo(409);
        assertThat(as("pia").post(path, null).status()).as("a member already").isEqualTo(409);
        assertThat(as("cole").post(path, null).status()).as("a v1 community is for the staff").isEqualTo(403);
        assertThat(as("frank").post(path, null).status()).isEqualTo(201);
        // The partner's membership from before gives them nothing in a community for the staff, but leaving.
        assertThat(as("pia").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"POST\",\"title\":\"Hello\",\"body\":\"from outside\"}").status()).isEqualTo(403);
        assertThat(as("pia").put("/api/communities/" + community + "/members/me/purpose", "{\"purpose\":\"sell\"}")
                .status()).isEqualTo(403);
        String post = as("frank").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"POST\",\"title\":\"Hello\",\"body\":\"from frank\"}").text("contributionId");
        assertThat(as("pia").post("/api/contributions/" + post + "/reactions", "{\"kind\":\"LIKE\"}").status())
                .isEqualTo(403);
        assertThat(as("pia").delete(path + "/me").status()).isEqualTo(204);

        assertThat(jdbc.queryForList("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", String.class, community.toString()))
                .as("the old events stay as stored").containsExactly("1", "1", "1", "2", "1");

        Set<UUID> all = jdbc.queryForList("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, community.toString()).stream().map(UUID::fromString).collect(Collectors.toSet());
        List<EventEnvelope> published = envelopes(community, all);
        Map<String, EventEnvelope> byActor = published.stream().filter(e -> e.type().equals("MemberJoined"))
                .collect(Collectors.toMap(EventEnvelope::actorId, e -> e, (a, b) -> a));
        assertThat(published).allSatisfy(envelope -> assertThat(envelope.schemaVersion()).as(envelope.type())
                .isEqualTo(EventCatalog.currentVersion(EventCatalog.type(envelope.type()).orElseThrow())));
        assertThat(published).filteredOn(e -> e.type().equals("MemberJoined")).hasSize(3);
        JsonNode bob = byActor.get("bob").payload();
        assertThat(bob.get("segments")).isEmpty();
        assertThat(bob.get("purpose").asText()).isEqualTo("Learn");
        assertThat(((MemberJoined) codec.event(byActor.get("frank"))).segments()).containsExactly("employee", "remote");
        EventEnvelope founding = published.stream().filter(e -> e.type().equals("CommunityFounded")).findFirst()
                .orElseThrow();
        assertThat(founding.payload().get("openToExternal").asBoolean()).isFalse();
        assertThat(founding.payload().get("founderSegments")).isEmpty();
    }

    private void store(UUID community, long sequence, UUID eventId, String type, String payload) {
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                        + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " VALUES (nextval('domain_event_entry_seq'), ?, ?, ?, 'Community', ?, ?, '1', ?, ?)",
                eventId.toString(), community.toString(), sequence, "2026-01-0" + (5 + sequence) + "T09:00:00Z",
                "com.productivecommunity.events." + type, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private List<EventEnvelope> envelopes(UUID community, Set<UUID> expected) {
        return TopicRecords.await(properties, expected, Duration.ofSeconds(60)).stream()
                .map(ConsumerRecord::value).map(codec::read)
                .filter(envelope -> envelope.communityId().equals(community)).toList();
    }
}
