package com.productivecommunity.query;

import static com.productivecommunity.query.Events.founded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.EventEnvelope;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OperationsIntegrationTest extends QueryIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void healthCoversTheDatabaseAndTheProjectionConsumer() {
        publishAndAwait(List.of(founded(UUID.randomUUID(), "carol", "Health", "up")));

        assertThat(read(get("/actuator/health", null).body()).has("components")).isFalse();
        // The scraper's account (password = its name): role OPERATOR sees the components.
        JsonNode health = read(get("/actuator/health", "prometheus").body());

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/projections/components/query/status").asText()).isEqualTo("UP");
        // Caught up: nothing on the topic is left to apply.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(healthLag()).isZero());
    }

    @Test
    void healthShowsTheLagWhileTheProjectionIsHeldBackAndZeroOnceItCaughtUp() throws Exception {
        publishAndAwait(List.of(founded(UUID.randomUUID(), "carol", "Before", "caught up")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(healthLag()).isZero());

        List<EventEnvelope> behind;
        // Another transaction holds the table the projection writes a founded community to: its batch waits,
        // its offsets stay where they were, and the topic's end moves on by the three records.
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE community IN EXCLUSIVE MODE");
            }
            behind = publisher.publishAll(List.of(founded(UUID.randomUUID(), "carol", "Held one", "behind"),
                    founded(UUID.randomUUID(), "carol", "Held two", "behind"),
                    founded(UUID.randomUUID(), "carol", "Held three", "behind")));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(healthLag()).isEqualTo(3));
            blocker.rollback();
        }
        awaitApplied(behind);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(healthLag()).isZero());
    }

    private long healthLag() {
        JsonNode health = read(get("/actuator/health", "prometheus").body());
        JsonNode lag = health.at("/components/projections/components/query/details/lag");
        assertThat(lag.isIntegralNumber()).as(health.toString()).isTrue();
        return lag.asLong();
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
