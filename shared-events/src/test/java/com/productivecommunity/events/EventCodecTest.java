package com.productivecommunity.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final UUID community = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-11-26T10:15:30.123Z");

    @Test
    void everyEventSurvivesTheEnvelopeRoundTrip() {
        UUID question = UUID.randomUUID();
        List<CommunityEvent> events = List.of(
                new CommunityFounded(UUID.randomUUID(), community, "carol", now, "Maintenance Excellence", "less downtime",
                        List.of("leader", "manager"), true),
                new CommunityPurposeStated(UUID.randomUUID(), community, "carol", now, "zero downtime"),
                new MemberJoined(UUID.randomUUID(), community, "alice", now, null, List.of("employee", "remote")),
                new MemberLeft(UUID.randomUUID(), community, "alice", now),
                new MemberPurposeStated(UUID.randomUUID(), community, "alice", now, "learn predictive maintenance"),
                new ContributionPosted(UUID.randomUUID(), community, "alice", now, question, ContributionKind.QUESTION,
                        "Vibration?", "How do I read it?", null, null),
                new ReactionGiven(UUID.randomUUID(), community, "bob", now, question, "alice", ReactionKind.LIKE),
                new ContributionViewed(UUID.randomUUID(), community, "bob", now, question, "alice"),
                new AnswerAccepted(UUID.randomUUID(), community, "alice", now, question, UUID.randomUUID(), "bob"),
                new OutcomeRecorded(UUID.randomUUID(), community, "carol", now, UUID.randomUUID(), "12 hours saved",
                        new BigDecimal("12.50"), List.of(question), List.of("alice")),
                new MemberSegmentsChanged(UUID.randomUUID(), community, "alice", now, List.of("production")),
                new LeaderNamed(UUID.randomUUID(), community, "carol", now, "alice", LeaderNamed.Reason.NAMED),
                new LeaderRemoved(UUID.randomUUID(), community, "carol", now, "alice"),
                new MemberRemoved(UUID.randomUUID(), community, "carol", now, "bob", "spam, twice"),
                new ContributionEdited(UUID.randomUUID(), community, "alice", now, question, "Vibration??",
                        "How do I read it, exactly?"),
                new ContributionRetracted(UUID.randomUUID(), community, "alice", now, question),
                new ContributionHidden(UUID.randomUUID(), community, "carol", now, question, "alice", "off topic"));
        assertThat(events).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(EventCatalog.types());

        long sequence = 0;
        for (CommunityEvent event : events) {
            EventEnvelope envelope = codec.envelope(event, AggregateTypes.COMMUNITY, community.toString(), sequence++, 7);
            EventEnvelope read = codec.read(codec.write(envelope));

            assertThat(read).isEqualTo(envelope);
            assertThat(codec.event(read)).isEqualTo(event);
        }
    }

    @Test
    void envelopeCarriesTheDocumentedFields() {
        var event = new MemberJoined(UUID.randomUUID(), community, "alice", now, "learn");
        String json = new String(codec.write(codec.envelope(event, AggregateTypes.COMMUNITY, community.toString(), 3, 42)),
                StandardCharsets.UTF_8);

        assertThat(json).contains("\"eventId\":\"" + event.eventId() + "\"", "\"type\":\"MemberJoined\"",
                "\"schemaVersion\":2", "\"aggregateType\":\"Community\"", "\"sequence\":3", "\"storePosition\":42",
                "\"communityId\":\"" + community + "\"", "\"actorId\":\"alice\"",
                "\"occurredAt\":\"2026-11-26T10:15:30.123Z\"", "\"payload\":{");
    }

    @Test
    void outcomeValueKeepsItsExactDecimal() {
        var event = new OutcomeRecorded(UUID.randomUUID(), community, "carol", now, UUID.randomUUID(), "saved",
                new BigDecimal("0.10"), List.of(), List.of());
        var read = (OutcomeRecorded) codec.event(codec.read(codec.write(
                codec.envelope(event, AggregateTypes.COMMUNITY, community.toString(), 0, 1))));

        assertThat(read.value()).isEqualByComparingTo("0.1");
    }

    @Test
    void unknownTypeIsReportedNotGuessed() {
        var payload = codec.mapper().createObjectNode();
        assertThatThrownBy(() -> codec.event("CommunityRenamed", 1, payload))
                .isInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void everyEventDeclaresItsSchemaVersion() {
        assertThat(EventCatalog.types()).allSatisfy(type -> assertThat(EventCatalog.currentVersion(type)).isPositive());
    }
}
