package com.productivecommunity.audit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeafEncodingTest {

    static final LoggedEvent SAMPLE = new LoggedEvent(42,
            UUID.fromString("0b3e6b1c-2a44-4f3e-9a61-7d1f0c5e8a90"), "Community", "c-1", 7, "ContributionPosted", 2,
            UUID.fromString("5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), "alice",
            Instant.parse("2025-03-04T05:06:07.123456Z"),
            "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8), "{\"c\":1}".getBytes(StandardCharsets.UTF_8));

    /**
     * The worked example of audit-log/README.md, byte for byte; the expected bytes and hash were
     * computed by an independent Python implementation of the README's specification.
     */
    @Test
    void theReadmeExampleEncodesToTheDocumentedBytesAndHash() {
        assertThat(HexFormat.of().formatHex(LeafEncoding.encode(SAMPLE))).isEqualTo(
                "01" + "000000000000002a" + "0b3e6b1c2a444f3e9a617d1f0c5e8a90"
                        + "00000009" + hex("Community") + "00000003" + hex("c-1")
                        + "0000000000000007" + "00000012" + hex("ContributionPosted") + "00000002"
                        + "01" + "5a1d2c3b4e5f4a6b8c7d9e0f1a2b3c4d" + "01" + "00000005" + hex("alice")
                        + "00062f7d3af9b000" + "0000000d" + hex("{\"text\":\"hi\"}")
                        + "01" + "00000007" + hex("{\"c\":1}"));
        assertThat(SAMPLE.occurredAtMicros()).isEqualTo(1_741_064_767_123_456L);
        assertThat(LeafEncoding.leafHash(SAMPLE).hex())
                .isEqualTo("677184069ba5642e17c14a5ace019219b13315856138d401fef8d7578ac2091e");
    }

    @Test
    void absentOptionalFieldsAreMarkedNotOmitted() {
        LoggedEvent bare = new LoggedEvent(1, SAMPLE.eventId(), "A", "a", 0, "E", 1, null, null,
                Instant.EPOCH, new byte[0], null);
        assertThat(HexFormat.of().formatHex(LeafEncoding.encode(bare))).isEqualTo(
                "01" + "0000000000000001" + "0b3e6b1c2a444f3e9a617d1f0c5e8a90" + "00000001" + "41" + "00000001" + "61"
                        + "0000000000000000" + "00000001" + "45" + "00000001" + "00" + "00" + "0000000000000000"
                        + "00000000" + "00");
        assertThat(LeafEncoding.decode(LeafEncoding.encode(bare))).isEqualTo(bare);
    }

    @Test
    void decodingGivesBackEveryFieldOfRandomEvents() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            LoggedEvent event = randomEvent(random);
            assertThat(LeafEncoding.decode(LeafEncoding.encode(event))).as("seed 11 event %d", i).isEqualTo(event);
        }
    }

    @Test
    void movingBytesBetweenNeighbouringFieldsChangesTheLeaf() {
        Set<String> leaves = new HashSet<>();
        List<LoggedEvent> variants = new ArrayList<>();
        variants.add(with(SAMPLE, "Communityc", "-1", SAMPLE.actorId()));
        variants.add(with(SAMPLE, "Community", "c-1", SAMPLE.actorId()));
        variants.add(with(SAMPLE, "Community", "c-1", null));
        variants.add(with(SAMPLE, "Community", "c-1", ""));
        variants.add(new LoggedEvent(42, SAMPLE.eventId(), "Community", "c-1", 7, "ContributionPosted", 2,
                SAMPLE.communityId(), "alice", SAMPLE.occurredAt(), "{\"text\":\"hi\"}{\"c\":1}".getBytes(StandardCharsets.UTF_8), null));
        variants.add(new LoggedEvent(42, SAMPLE.eventId(), "Community", "c-1", 7, "ContributionPosted", 2,
                SAMPLE.communityId(), "alice", SAMPLE.occurredAt(), SAMPLE.payload(), new byte[0]));
        variants.add(new LoggedEvent(42, SAMPLE.eventId(), "Community", "c-1", 7, "ContributionPosted", 2,
                SAMPLE.communityId(), "alice", SAMPLE.occurredAt().plusNanos(1000), SAMPLE.payload(), SAMPLE.metadata()));
        for (LoggedEvent variant : variants) {
            leaves.add(LeafEncoding.leafHash(variant).hex());
        }
        assertThat(leaves).hasSize(variants.size());
    }

    @Test
    void malformedInputIsRefusedInWords() {
        assertThatThrownBy(() -> new LoggedEvent(1, SAMPLE.eventId(), "A", "a", 0, "E", 1, null, null,
                Instant.parse("2025-01-01T00:00:00.000000001Z"), new byte[0], null))
                .hasMessageContaining("finer than a microsecond");
        assertThatThrownBy(() -> new LoggedEvent(0, SAMPLE.eventId(), "A", "a", 0, "E", 1, null, null,
                Instant.EPOCH, new byte[0], null)).hasMessageContaining("positions start at 1");
        assertThatThrownBy(() -> LeafEncoding.encode(with(SAMPLE, "A\uD800", "a", null)))
                .hasMessageContaining("unpaired surrogate");
        byte[] leaf = LeafEncoding.encode(SAMPLE);
        assertThatThrownBy(() -> LeafEncoding.decode(java.util.Arrays.copyOf(leaf, leaf.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LeafEncoding.decode(java.util.Arrays.copyOf(leaf, leaf.length + 1)))
                .hasMessageContaining("after the last field");
    }

    @Test
    void eventsBeforeTheEpochKeepTheirMicroseconds() {
        LoggedEvent old = new LoggedEvent(1, SAMPLE.eventId(), "A", "a", 0, "E", 1, null, null,
                Instant.parse("1969-12-31T23:59:59.999999Z"), new byte[0], null);
        assertThat(old.occurredAtMicros()).isEqualTo(-1);
        assertThat(LeafEncoding.decode(LeafEncoding.encode(old))).isEqualTo(old);
    }

    static LoggedEvent randomEvent(Random random) {
        byte[] payload = new byte[random.nextInt(300)];
        random.nextBytes(payload);
        byte[] metadata = random.nextBoolean() ? null : new byte[random.nextInt(40)];
        if (metadata != null) {
            random.nextBytes(metadata);
        }
        long micros = random.nextLong() % 4_000_000_000_000_000L;
        return new LoggedEvent(1 + (random.nextLong() & Long.MAX_VALUE) % 1_000_000_000L,
                new UUID(random.nextLong(), random.nextLong()), text(random), text(random), random.nextLong(),
                text(random), random.nextInt(), random.nextBoolean() ? null : new UUID(random.nextLong(), random.nextLong()),
                random.nextBoolean() ? null : text(random),
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000),
                payload, metadata);
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(4) == 0 ? 0x1F600 + random.nextInt(50) : 'a' + random.nextInt(26));
        }
        return text.toString();
    }

    private static LoggedEvent with(LoggedEvent event, String aggregateType, String aggregateId, String actorId) {
        return new LoggedEvent(event.position(), event.eventId(), aggregateType, aggregateId, event.sequence(),
                event.eventType(), event.schemaVersion(), event.communityId(), actorId, event.occurredAt(),
                event.payload(), event.metadata());
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.UTF_8));
    }
}
