package com.productivecommunity.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpcastingTest {

    /** A made-up earlier contract of MemberJoined: v-1 called the purpose "goal", v0 had no "purpose" at all. */
    private static EventUpcaster renameGoalToPurpose() {
        return upcaster(-1, payload -> {
            payload.set("purpose", payload.remove("goal"));
            return payload;
        });
    }

    private static EventUpcaster upcaster(int from, java.util.function.UnaryOperator<ObjectNode> change) {
        return new EventUpcaster() {
            public String type() {
                return "MemberJoined";
            }

            public int fromVersion() {
                return from;
            }

            public ObjectNode upcast(ObjectNode payload) {
                return change.apply(payload);
            }
        };
    }

    @Test
    void chainRunsInVersionOrderFromTheStoredVersion() {
        EventUpcaster uppercasePurpose = upcaster(0, payload -> {
            payload.put("purpose", payload.get("purpose").asText().toUpperCase());
            return payload;
        });
        // Registered out of order on purpose: the codec orders the chain by version.
        EventCodec codec = new EventCodec(List.of(uppercasePurpose, renameGoalToPurpose()));
        UUID id = UUID.randomUUID();
        ObjectNode old = codec.mapper().createObjectNode()
                .put("eventId", id.toString()).put("communityId", id.toString()).put("actorId", "alice")
                .put("occurredAt", "2026-01-01T00:00:00Z").put("goal", "learn");

        MemberJoined fromOldest = (MemberJoined) codec.event("MemberJoined", -1, old);
        MemberJoined fromCurrent = (MemberJoined) codec.event("MemberJoined", 1,
                old.deepCopy().put("purpose", "as stored"));

        assertThat(fromOldest).isEqualTo(new MemberJoined(id, id, "alice", Instant.parse("2026-01-01T00:00:00Z"), "LEARN"));
        assertThat(fromCurrent.purpose()).isEqualTo("as stored");
        assertThat(old.has("goal")).as("the stored payload is not modified").isTrue();
    }
}
