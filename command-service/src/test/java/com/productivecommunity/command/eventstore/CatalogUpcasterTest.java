package com.productivecommunity.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.productivecommunity.events.EventUpcaster;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.Upcasters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class CatalogUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .revisionResolver(new SchemaVersionRevisionResolver()).build();

    /** An imaginary v0 of MemberJoined that called the purpose "goal". */
    private final EventUpcaster goalToPurpose = new EventUpcaster() {
        @Override
        public String type() {
            return "MemberJoined";
        }

        @Override
        public int fromVersion() {
            return 0;
        }

        @Override
        public ObjectNode upcast(ObjectNode payload) {
            payload.set("purpose", payload.remove("goal"));
            return payload;
        }
    };

    @Test
    void aStoredEventOfAnOlderVersionIsReadAsTheCurrentRecord() {
        String v0 = """
                {"eventId":"8d0f5d0e-3c55-4a57-9d43-5f3f1b1fb0a1","communityId":"5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11",
                 "actorId":"bob","occurredAt":"2026-11-26T10:15:30.123Z","goal":"Learn the pumps"}""";
        IntermediateEventRepresentation upcast = upcast(MemberJoined.class.getName(), "0", v0).get(0);

        assertThat(upcast.getType().getRevision()).isEqualTo("1");
        MemberJoined event = serializer.deserialize(upcast.getData());
        assertThat(event.purpose()).isEqualTo("Learn the pumps");
        assertThat(event.actorId()).isEqualTo("bob");
    }

    @Test
    void currentVersionsAndOtherTypesPassUntouched() {
        String v1 = """
                {"eventId":"8d0f5d0e-3c55-4a57-9d43-5f3f1b1fb0a1","communityId":"5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11",
                 "actorId":"bob","occurredAt":"2026-11-26T10:15:30.123Z","purpose":"Learn"}""";
        IntermediateEventRepresentation same = upcast(MemberJoined.class.getName(), "1", v1).get(0);
        assertThat(same.getType().getRevision()).isEqualTo("1");
        MemberJoined event = serializer.deserialize(same.getData());
        assertThat(event.purpose()).isEqualTo("Learn");
    }

    @Test
    void theSchemaVersionIsTheRevision() {
        assertThat(new SchemaVersionRevisionResolver().revisionOf(MemberJoined.class)).isEqualTo("2");
        assertThat(new SchemaVersionRevisionResolver().revisionOf(String.class)).isNull();
    }

    @Test
    void aMemberJoinedStoredAsVersionOneIsReadWithNoSegments() {
        String v1 = """
                {"eventId":"8d0f5d0e-3c55-4a57-9d43-5f3f1b1fb0a1","communityId":"5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11",
                 "actorId":"bob","occurredAt":"2026-11-26T10:15:30.123Z","purpose":"Learn"}""";
        IntermediateEventRepresentation upcast = upcast(new CatalogUpcaster(Upcasters.MEMBER_JOINED_V1),
                MemberJoined.class.getName(), "1", v1).get(0);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        MemberJoined event = serializer.deserialize(upcast.getData());
        assertThat(event.purpose()).isEqualTo("Learn");
        assertThat(event.segments()).isEmpty();
    }

    private List<IntermediateEventRepresentation> upcast(String type, String revision, String json) {
        return upcast(new CatalogUpcaster(goalToPurpose), type, revision, json);
    }

    private List<IntermediateEventRepresentation> upcast(CatalogUpcaster upcaster, String type, String revision,
                                                         String json) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Community",
                "5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11", 1, "8d0f5d0e-3c55-4a57-9d43-5f3f1b1fb0a1",
                "2026-11-26T10:15:30.123Z", type, revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return upcaster.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
    }
}
