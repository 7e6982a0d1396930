package com.productivecommunity.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.command.testing.Api.Response;
import com.productivecommunity.command.testing.CommandServiceIntegrationTest;
import org.junit.jupiter.api.Test;

class OperationsIntegrationTest extends CommandServiceIntegrationTest {

    @Test
    void healthIsOpenAsAStatusAndCoversDatabaseAndKafkaForTheOperator() {
        Response open = anonymous().get("/actuator/health");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().get("status").asText()).isEqualTo("UP");
        assertThat(open.json().has("components")).as(open.toString()).isFalse();
        Response health = operator().get("/actuator/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/kafka/status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsAxonMetricsAndPublicationLag() {
        assertThat(as("alice").post("/api/communities", "{\"name\":\"Maintenance\",\"purpose\":\"p\"}").status())
                .isEqualTo(201);
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        Response metrics = operator().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        String text = metrics.raw().body();
        assertThat(text).contains("publication_lag{").contains("commandBus");
    }

    @Test
    void openApiDescribesTheCommandsWithoutAMemberParameter() {
        Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").toString())
                .contains("/api/communities/{communityId}/contributions")
                .contains("/api/contributions/{questionId}/accepted-answer")
                .doesNotContain("\"member\"");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        assertThat(operator().get("/actuator/env").status()).isEqualTo(404);
    }
}
