package com.productivecommunity.query;

import static com.productivecommunity.query.Events.founded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationsIntegrationTest extends QueryIntegrationTest {

    @Test
    void healthCoversTheDatabaseAndTheProjectionConsumer() {
        publishAndAwait(List.of(founded(UUID.randomUUID(), "carol", "Health", "up")));

        assertThat(read(get("/actuator/health", null).body()).has("components")).isFalse();
        // The scraper's account (password = its name): role OPERATOR sees the components.
        JsonNode health = read(get("/actuator/health", "prometheus").body());

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/projections/components/query/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/projections/components/query/details/lag").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void prometheusShowsTheProjectionLagAndThroughput() {
        publishAndAwait(List.of(founded(UUID.randomUUID(), "carol", "Metrics", "measured")));

        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        String metrics = get("/actuator/prometheus", "prometheus").body();

        assertThat(metrics).contains("projection_lag{application=\"query-service\",projection=\"query\"}")
                .contains("projection_events_applied_total{application=\"query-service\",projection=\"query\"}")
                .contains("projection_batch_seconds_count{application=\"query-service\",projection=\"query\"}");
    }

    @Test
    void theOpenApiDescriptionDocumentsTheReadsAndTheEventStream() {
        JsonNode api = read(get("/v3/api-docs", null).body());

        assertThat(api.at("/paths").has("/api/communities")).isTrue();
        assertThat(api.at("/paths").has("/api/communities/{communityId}")).isTrue();
        assertThat(api.at("/paths").has("/api/communities/{communityId}/feed")).isTrue();
        assertThat(api.at("/paths").has("/api/feed")).isTrue();
        assertThat(api.at("/paths").has("/api/contributions/{contributionId}")).isTrue();
        assertThat(api.at("/paths/~1api~1feed~1stream/get/responses/200/content").has("text/event-stream")).isTrue();
        assertThat(api.toString()).contains("Feeds include answers");
    }
}
