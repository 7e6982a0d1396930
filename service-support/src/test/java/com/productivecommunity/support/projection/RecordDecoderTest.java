package com.productivecommunity.support.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.MemberJoined;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class RecordDecoderTest {

    private final EventCodec codec = new EventCodec();
    private final RecordDecoder decoder = new RecordDecoder();
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
        RecordDecoder.Decoded newer = decoder.decode(0, 0, codec.write(with(joined, "MemberJoined", 2)));
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
