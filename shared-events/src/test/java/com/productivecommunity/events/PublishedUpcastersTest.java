package com.productivecommunity.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalogue's real upcasters: payloads exactly as version 1 of each contract wrote them. */
class PublishedUpcastersTest {

    private final EventCodec codec = new EventCodec();
    private final UUID id = UUID.randomUUID();
    private final UUID community = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-06-01T09:00:00Z");

    private ObjectNode common(String actor) {
        return codec.mapper().createObjectNode().put("eventId", id.toString())
                .put("communityId", community.toString()).put("actorId", actor).put("occurredAt", at.toString());
    }

    @Test
    void aVersionOneMemberJoinedReadsAsVersionTwoWithNoSegments() {
        ObjectNode v1 = common("alice").put("purpose", "learn");

        CommunityEvent event = codec.event("MemberJoined", 1, v1);

        assertThat(event).isEqualTo(new MemberJoined(id, community, "alice", at, "learn", List.of()));
        assertThat(v1.has("segments")).as("the stored payload is left as it was").isFalse();
    }

    @Test
    void aVersionOneCommunityFoundedReadsAsAStaffOnlyCommunity() {
        ObjectNode v1 = common("carol").put("name", "Maintenance").put("purpose", "less downtime");

        CommunityEvent event = codec.event("CommunityFounded", 1, v1);

        assertThat(event).isEqualTo(new CommunityFounded(id, community, "carol", at, "Maintenance", "less downtime",
                List.of(), false));
    }

    @Test
    void versionTwoPayloadsAreReadAsTheyAre() {
        ObjectNode v2 = common("bob").put("purpose", (String) null);
        v2.putArray("segments").add("employee").add("remote");

        assertThat(((MemberJoined) codec.event("MemberJoined", 2, v2)).segments()).containsExactly("employee", "remote");
    }

    @Test
    void everyUpcasterStartsAtAPublishedVersionBelowTheCurrentOne() {
        for (EventUpcaster upcaster : EventCatalog.upcasters()) {
            Class<? extends CommunityEvent> type = EventCatalog.type(upcaster.type()).orElseThrow();
            assertThat(upcaster.fromVersion()).as(upcaster.toString()).isBetween(1, EventCatalog.currentVersion(type) - 1);
        }
        for (Class<? extends CommunityEvent> type : EventCatalog.types()) {
            for (int v = 1; v < EventCatalog.currentVersion(type); v++) {
                int from = v;
                assertThat(EventCatalog.upcasters()).as(type.getSimpleName() + " v" + v + " has an upcaster")
                        .anyMatch(u -> u.type().equals(type.getSimpleName()) && u.fromVersion() == from);
            }
        }
    }

    @Test
    void segmentsAreNormalisedToTheKnownOnesInOrder() {
        assertThat(Segments.normalise(List.of("Remote", "employee", "astronaut", "remote"))).containsExactly("employee", "remote");
        assertThat(Segments.isExternal(List.of("partner"))).isTrue();
        assertThat(Segments.isExternal(List.of("customer", "partner"))).isTrue();
        assertThat(Segments.isExternal(List.of("partner", "employee"))).as("staff who are also partners").isFalse();
        assertThat(Segments.isExternal(List.of())).as("nothing known").isFalse();
    }
}
