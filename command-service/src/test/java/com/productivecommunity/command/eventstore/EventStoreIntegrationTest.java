package com.productivecommunity.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.command.testing.Api.Response;
import com.productivecommunity.command.testing.CommandServiceIntegrationTest;
import com.productivecommunity.events.EventCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class EventStoreIntegrationTest extends CommandServiceIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void serializedColumnsAreByteaNotLargeObjects() {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name IN
                  ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')""");
        assertThat(columns).hasSize(10).allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'public' AND udt_name = 'oid'""", Long.class)).isZero();

        long largeObjectsBefore = largeObjects();
        found();
        assertThat(largeObjects()).isEqualTo(largeObjectsBefore);
        String payload = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE payload_type = 'com.productivecommunity.events.CommunityFounded'
                ORDER BY global_index DESC LIMIT 1""", String.class);
        assertThat(payload).contains("\"name\":\"Maintenance\"");
    }

    @Test
    void globalIndexesAreHandedOutOneByOne() {
        String community = found();
        for (String member : List.of("bob", "carol", "frank", "grace")) {
            assertThat(as(member).post("/api/communities/" + community + "/members", null).status()).isEqualTo(201);
        }
        List<Long> indexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, community);
        assertThat(indexes).hasSize(5);
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i)).isEqualTo(indexes.get(i - 1) + 1);
        }
    }

    @Test
    void eventsCarryTheirSchemaVersionAsRevision() {
        String community = found();
        assertThat(as("bob").post("/api/communities/" + community + "/members", null).status()).isEqualTo(201);
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT payload_type, payload_revision"
                + " FROM domain_event_entry WHERE aggregate_identifier = ?", community);
        assertThat(stored).hasSize(2).allSatisfy(row -> assertThat(row.get("payload_revision")).isEqualTo(
                String.valueOf(EventCatalog.currentVersion(type(row.get("payload_type"))))));
    }

    private static Class<?> type(Object name) {
        try {
            return Class.forName((String) name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBusyAggregateIsSnapshottedAndStillDecidesCorrectly() {
        String community = found();
        for (String member : List.of("bob", "carol", "frank", "grace", "dana", "erin")) {
            assertThat(as(member).post("/api/communities/" + community + "/members", null).status()).isEqualTo(201);
        }
        Integer snapshots = jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class, community);
        assertThat(snapshots).isPositive();
        byte[] snapshot = jdbc.queryForObject("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number DESC LIMIT 1", byte[].class, community);
        assertThat(new String(snapshot, StandardCharsets.UTF_8)).contains("alice").contains("leaders");

        // Loaded from the snapshot: members and leaders are still known.
        assertThat(as("bob").post("/api/communities/" + community + "/members", null).status()).isEqualTo(409);
        assertThat(as("bob").put("/api/communities/" + community + "/purpose", "{\"purpose\":\"x\"}").status())
                .isEqualTo(403);
        Response stated = as("alice").put("/api/communities/" + community + "/purpose", "{\"purpose\":\"x\"}");
        assertThat(stated.status()).isEqualTo(200);
        assertThat(stated.header("X-Event-Position")).isEqualTo(community + ":7");
    }

    private String found() {
        Response response = as("alice").post("/api/communities", "{\"name\":\"Maintenance\",\"purpose\":\"Less downtime\"}");
        assertThat(response.status()).isEqualTo(201);
        return response.text("communityId");
    }

    private long largeObjects() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class);
    }
}
