package com.productivecommunity.analytics.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.support.projection.EventPosition;
import com.productivecommunity.support.projection.ProjectionPositions;
import com.productivecommunity.support.projection.TestEventPublisher;
import com.productivecommunity.support.testing.AccessMatrix;
import com.productivecommunity.support.testing.AccessMatrix.Call;
import com.productivecommunity.support.testing.TestDatabases;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * analytics-service's access matrix (published in docs/security.md): the community comes through the topic
 * (carol founded it, alice and bob joined, alice asked, bob answered and alice thanked him); member figures
 * and ledgers are alice's, so "author" is the member reading their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "platform.projection.poll-timeout=100ms",
    "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = "community-events")
@AutoConfigureObservability
class AccessMatrixTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProjectionPositions positions;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.url("analytics_matrix") + "?reWriteBatchedInserts=true");
    }

    @Test
    void everyMappingAnswersEveryCallerAsTheRulesSay() throws Exception {
        Events events = new Events();
        UUID community = events.communityId;
        ContributionPosted question = events.posted("alice", ContributionKind.QUESTION);
        ContributionPosted answer = events.answer("bob", question);
        List<CommunityEvent> history = List.of(events.founded("carol"), events.joined("alice", "learn"),
                events.joined("bob", null), question, answer,
                events.reacted("alice", answer, com.productivecommunity.events.ReactionKind.THANKS));
        try (TestEventPublisher publisher = new TestEventPublisher(brokers, "community-events")) {
            Map<String, EventPosition> last = new LinkedHashMap<>();
            for (EventEnvelope envelope : publisher.publishAll(history)) {
                last.put(envelope.aggregateId(), new EventPosition(envelope.aggregateId(), envelope.sequence()));
            }
            assertThat(positions.awaitApplied(List.copyOf(last.values()), Duration.ofSeconds(60))).isTrue();
        }
        String base = "/api/analytics/communities/" + community;
        Supplier<Object> data = () -> null;
        AccessMatrix.demo("analytics-service", port)
                //                                                                          anon non  mem  auth lead ANA  AUD  OPS
                .row("GET /api/analytics/communities/{communityId}", "a community's figures", data,
                        f -> Call.get(base), 401, 403, 200, 200, 200, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/timeline", "a community's timeline", data,
                        f -> Call.get(base + "/timeline?bucket=day"), 401, 403, 200, 200, 200, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/members/{memberId}", "alice's figures", data,
                        f -> Call.get(base + "/members/alice"), 401, 403, 403, 200, 403, 200, 200, 401)
                .row("GET /api/analytics/communities/{communityId}/members/{memberId}/ledger", "alice's ledger", data,
                        f -> Call.get(base + "/members/alice/ledger"), 401, 403, 403, 200, 403, 200, 200, 401)
                .operationsAndDocs()
                .projectionAdmin("analytics")
                .row("POST /api/admin/projections/{name}/rebuild", "rebuild the figures from the first event", data,
                        f -> Call.post("/api/admin/projections/analytics/rebuild", null), 401, 403, 403, 403, 403, 202, 403, 401)
                .verify(context);
    }
}
