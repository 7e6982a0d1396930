package com.productivecommunity.support.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class RecordDecoderTest {

    private final EventCodec codec = new EventCodec();
    private final RecordDecoder decoder = new RecordDecoder();
    private final RecordDecoder treeDecoder = new RecordDecoder(false);
    private final UUID community = UUID.randomUUID();
    private final EventEnvelope joined = codec.envelope(new MemberJoined(UUID.randomUUID(), community, "alice",
            Instant.parse("2026-11-26T10:15:30Z"), "learn"), "Community", community.toString(), 3, 42);

    @Test
    void decodesAnEnvelopeOfTheCurrentVersion() {
        RecordDecoder.Decoded decoded = decoder.decode(1, 7, codec.write(joined));

        assertThat(decoded.ok()).isTrue();
        assertThat(decoded.event().event()).isInstanceOf(MemberJoined.class);
        assertThat(decoded.known().sequence()).isEqualTo(3);
        assertThat(decoded.event().offset()).isEqualTo(7);
    }

    @Test
    void refusesWhatItCannotReadAndKeepsWhatIsKnown() {
        assertThat(decoder.decode(0, 0, null).failure()).isEqualTo(ParkReason.UNDECODABLE);
        assertThat(decoder.decode(0, 0, "[1,2]".getBytes(StandardCharsets.UTF_8)).known())
                .isEqualTo(RecordDecoder.Known.NONE);
        RecordDecoder.Decoded newer = decoder.decode(0, 0, codec.write(with(joined, "MemberJoined", 3)));
        assertThat(newer.failure()).isEqualTo(ParkReason.UNSUPPORTED_VERSION);
        assertThat(newer.known().aggregateId()).isEqualTo(community.toString());
        assertThat(decoder.decode(0, 0, codec.write(with(joined, "MemberJoined", 0))).failure())
                .isEqualTo(ParkReason.UNSUPPORTED_VERSION);
        assertThat(decoder.decode(0, 0, codec.write(with(joined, "MemberPromoted", 1))).failure())
                .isEqualTo(ParkReason.UNKNOWN_TYPE);
        EventEnvelope wrongPayload = new EventEnvelope(joined.eventId(), "ContributionPosted", 1, "Contribution",
                joined.aggregateId(), 0, 1, community, "alice", joined.occurredAt(),
                codec.mapper().createObjectNode().put("kind", "SONNET"));
        assertThat(decoder.decode(0, 0, codec.write(wrongPayload)).failure()).isEqualTo(ParkReason.MALFORMED_PAYLOAD);
        EventEnvelope otherId = new EventEnvelope(UUID.randomUUID(), joined.type(), 1, joined.aggregateType(),
                joined.aggregateId(), 3, 42, community, "alice", joined.occurredAt(), joined.payload());
        assertThat(decoder.decode(0, 0, codec.write(otherId)).failure()).isEqualTo(ParkReason.MALFORMED_PAYLOAD);
    }

    @Test
    void theOnePassDecoderReadsEveryEventTypeAsTheTreeDecoderDoes() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-26T10:15:30.123456Z");
        List<EventEnvelope> envelopes = List.of(
                codec.envelope(new CommunityFounded(UUID.randomUUID(), community, "carol", at, "Line 3", "uptime"),
                        "Community", community.toString(), 0, 1),
                codec.envelope(new CommunityPurposeStated(UUID.randomUUID(), community, "carol", at, "less\ndowntime"),
                        "Community", community.toString(), 1, 2),
                joined,
                codec.envelope(new MemberLeft(UUID.randomUUID(), community, "bob", at), "Community", community.toString(), 4, 5),
                codec.envelope(new MemberPurposeStated(UUID.randomUUID(), community, "bob", at, "learn \"quoted\" \u00e9\ud83d\ude00"),
                        "Community", community.toString(), 5, 6),
                codec.envelope(new ContributionPosted(UUID.randomUUID(), community, "alice", at, a, ContributionKind.QUESTION,
                        "Why?", "Because\ttabs", null, null), "Contribution", a.toString(), 0, 7),
                codec.envelope(new ContributionPosted(UUID.randomUUID(), community, "bob", at, b, ContributionKind.ANSWER,
                        null, "This.", a, "alice"), "Contribution", b.toString(), 0, 8),
                codec.envelope(new ReactionGiven(UUID.randomUUID(), community, "alice", at, b, "bob", ReactionKind.THANKS),
                        "Contribution", b.toString(), 1, 9),
                codec.envelope(new ContributionViewed(UUID.randomUUID(), community, "alice", at, b, "bob"),
                        "Contribution", b.toString(), 2, 10),
                codec.envelope(new AnswerAccepted(UUID.randomUUID(), community, "alice", at, a, b, "bob"),
                        "Contribution", a.toString(), 1, 11),
                codec.envelope(new OutcomeRecorded(UUID.randomUUID(), community, "carol", at, UUID.randomUUID(), "saved",
                        new BigDecimal("12.50"), List.of(b), List.of("bob")), "Community", community.toString(), 6, 12));
        for (EventEnvelope envelope : envelopes) {
            byte[] bytes = codec.write(envelope);
            RecordDecoder.Decoded fast = decoder.decode(2, 9, bytes);
            RecordDecoder.Decoded tree = treeDecoder.decode(2, 9, bytes);
            assertThat(fast.ok()).as(envelope.type()).isTrue();
            assertThat(fast.event().envelope().payload().isEmpty()).as("read in one pass").isTrue();
            assertThat(fast.event().event()).isEqualTo(tree.event().event());
            assertThat(fast.known()).isEqualTo(tree.known());
            EventEnvelope read = fast.event().envelope();
            assertThat(List.of(read.eventId(), read.type(), read.schemaVersion(), read.aggregateType(), read.aggregateId(),
                    read.sequence(), read.storePosition(), read.communityId(), read.actorId(), read.occurredAt()))
                    .isEqualTo(List.of(envelope.eventId(), envelope.type(), envelope.schemaVersion(), envelope.aggregateType(),
                            envelope.aggregateId(), envelope.sequence(), envelope.storePosition(), envelope.communityId(),
                            envelope.actorId(), envelope.occurredAt()));
        }
    }

    @Test
    void theOnePassDecoderRefusesAndAcceptsExactlyWhatTheTreeDecoderDoes() {
        String good = new String(codec.write(joined), StandardCharsets.UTF_8);
        String id = joined.eventId().toString();
        String payloadFirst = "{\"payload\":" + joined.payload() + "," + good.substring(1, good.indexOf(",\"payload\""))
                + "}";
        List<String> variants = List.of(good,
                good.replace(id, id.toUpperCase()),
                good.replace(id, "1-1-1-1-1"),
                good.replace(id, "+" + id.substring(1)),
                good.replace(id, id.substring(0, 35) + "g"),
                good.replace(id, id.replace('-', 'a')),
                good.replace("\"sequence\":3", "\"sequence\":\"3\""),
                good.replace("\"sequence\":3", "\"sequence\":3.0"),
                good.replace("\"sequence\":3", "\"sequence\":-3"),
                good.replace("\"sequence\":3", "\"sequence\":99999999999999999999999"),
                good.replace("\"sequence\":3,", ""),
                good.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\""),
                good.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                good.replace("\"actorId\":\"alice\"", "\"actorId\":null"),
                good.replace("\"occurredAt\":\"2026-11-26T10:15:30Z\"", "\"occurredAt\":\"2026-11-26T11:15:30+01:00\""),
                good.replace("\"occurredAt\":\"2026-11-26T10:15:30Z\"", "\"occurredAt\":\"yesterday\""),
                good.replace("{\"eventId\"", "{\"extra\":{\"deep\":[1,2]},\"eventId\""),
                good.replace("{\"eventId\"", "{\"type\":\"MemberLeft\",\"eventId\""),
                good.substring(0, good.length() - 1) + ",\"type\":\"MemberLeft\"}",
                good + " trailing",
                good.substring(0, good.length() - 2),
                payloadFirst,
                good.replace("\"purpose\":\"learn\"", "\"purpose\":7"),
                good.replace("\"purpose\":\"learn\"", "\"purpose\":\"learn\",\"unknown\":true"));
        for (String variant : variants) {
            byte[] bytes = variant.getBytes(StandardCharsets.UTF_8);
            RecordDecoder.Decoded fast = decoder.decode(0, 1, bytes);
            RecordDecoder.Decoded tree = treeDecoder.decode(0, 1, bytes);
            assertThat(fast.ok()).as(variant).isEqualTo(tree.ok());
            assertThat(fast.failure()).as(variant).isEqualTo(tree.failure());
            assertThat(fast.error()).as(variant).isEqualTo(tree.error());
            assertThat(fast.known()).as(variant).isEqualTo(tree.known());
            if (fast.ok()) {
                assertThat(fast.event().event()).as(variant).isEqualTo(tree.event().event());
            }
        }
    }

    @Test
    void canonicalInstantsReadAsInstantParseReadsThem() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(FastInstants.canonical(text)).as(text).isEqualTo(Instant.parse(text));
            String trimmed = text.length() > 21 ? text.substring(0, 21 + random.nextInt(text.length() - 21)) + "Z" : text;
            if (trimmed.matches("\\d{4}-.*")) {
                assertThat(FastInstants.canonical(trimmed)).as(trimmed).isEqualTo(Instant.parse(trimmed));
            }
        }
        for (String other : List.of("2026-02-29T10:15:30Z", "2024-02-30T10:15:30Z", "2026-11-31T00:00:00Z",
                "2026-12-31T23:59:60Z", "2026-11-26T24:00:00Z", "2026-11-26T10:15:30.Z", "2026-11-26T10:15:30+01:00",
                "2026-11-26T10:15Z", "+12026-11-26T10:15:30Z", "2026-11-26 10:15:30Z", "2026-11-26T10:15:30.1234567890Z",
                "2026-1-26T10:15:30Z", "２026-11-26T10:15:30Z")) {
            assertThat(FastInstants.canonical(other)).as(other).isNull();
        }
        assertThat(FastInstants.canonical("2024-02-29T23:59:59.000000001Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.000000001Z"));
    }

    @Test
    void tellsInfrastructureFaultsFromTheEventsOwn() {
        assertThat(TransientFaults.isTransient(new CannotGetJdbcConnectionException("pool"))).isTrue();
        assertThat(TransientFaults.isTransient(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
        assertThat(TransientFaults.isTransient(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(TransientFaults.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(TransientFaults.isTransient(new DataIntegrityViolationException("dup",
                new SQLException("unique", "23505")))).isFalse();
        assertThat(TransientFaults.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    private static EventEnvelope with(EventEnvelope envelope, String type, int version) {
        return new EventEnvelope(envelope.eventId(), type, version, envelope.aggregateType(), envelope.aggregateId(),
                envelope.sequence(), envelope.storePosition(), envelope.communityId(), envelope.actorId(),
                envelope.occurredAt(), envelope.payload());
    }
}
