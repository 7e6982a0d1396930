package com.productivecommunity.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.query.Events;
import com.productivecommunity.query.QueryIntegrationTest;
import com.productivecommunity.support.testing.AccessMatrix;
import com.productivecommunity.support.testing.AccessMatrix.Call;
import com.productivecommunity.support.testing.TestDatabases;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * query-service's access matrix (published in docs/security.md), on its own context because a rebuild is one
 * of the calls. The community comes through the topic as command-service publishes it: carol founded it,
 * alice and bob joined, alice asked, bob answered; frank, dana and erin are not members.
 */
@TestPropertySource(properties = "platform.test.context=access-matrix")
class AccessMatrixTest extends QueryIntegrationTest {

    @Autowired
    ApplicationContext context;

    /**
     * This context has a broker of its own, so it needs a database of its own too: offsets stored by the
     * shared context's projection (against the other broker) would make this one skip its topic's records.
     */
    @DynamicPropertySource
    static void databaseOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add("platform.test.database-url", () -> TestDatabases.url("query_matrix"));
    }

    @Test
    void everyMappingAnswersEveryCallerAsTheRulesSay() {
        assertThat(context.getEnvironment().getProperty("spring.datasource.url")).contains("query_matrix");
        UUID community = UUID.randomUUID();
        UUID question = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        publishAndAwait(List.of(
                Events.founded(community, "carol", "Matrix", "check every rule"),
                Events.joined(community, "alice", "learn"),
                Events.joined(community, "bob", null),
                Events.posted(community, question, "alice", ContributionKind.QUESTION, "Why?"),
                Events.answered(community, answer, "bob", question, "alice")));
        Supplier<Object> data = () -> null;
        AccessMatrix.demo("query-service", port)
                //                                                                          anon non  mem  auth lead ANA  AUD  OPS
                .row("GET /api/communities", "list communities", data, f -> Call.get("/api/communities"),
                        401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/communities/{communityId}", "a community's detail", data,
                        f -> Call.get("/api/communities/" + community), 401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/communities/{communityId}/feed", "a community's feed", data,
                        f -> Call.get("/api/communities/" + community + "/feed"), 401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/communities/{communityId}/outcomes", "a community's outcomes", data,
                        f -> Call.get("/api/communities/" + community + "/outcomes"), 401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/feed", "my home feed", data, f -> Call.get("/api/feed"), 401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/contributions/{contributionId}", "a thread", data,
                        f -> Call.get("/api/contributions/" + question), 401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/contributions/{contributionId}/history", "a contribution's history (edits, retraction, hiding)",
                        data, f -> Call.get("/api/contributions/" + question + "/history"),
                        401, 403, 403, 200, 403, 403, 200, 401)
                .row("GET /api/search", "search contributions and communities", data,
                        f -> Call.get("/api/search?q=why"), 401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/feed/stream", "my live feed (SSE)", data, f -> Call.stream("/api/feed/stream"),
                        401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/communities/{communityId}/feed/stream", "a community's live feed (SSE)", data,
                        f -> Call.stream("/api/communities/" + community + "/feed/stream"), 401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/notifications", "my notifications", data, f -> Call.get("/api/notifications"),
                        401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/notifications/unread-count", "my unread count", data,
                        f -> Call.get("/api/notifications/unread-count"), 401, 200, 200, 200, 200, 200, 200, 401)
                .row("POST /api/notifications/read", "mark my notifications read", data,
                        f -> Call.post("/api/notifications/read", null), 401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/notifications/stream", "my live notifications (SSE)", data,
                        f -> Call.stream("/api/notifications/stream"), 401, 200, 200, 200, 200, 200, 200, 401)
                .row("GET /api/notifications/digest", "my weekly digest", data,
                        f -> Call.get("/api/notifications/digest"), 401, 200, 200, 200, 200, 200, 200, 401)
                .operationsAndDocs()
                .projectionAdmin("query")
                .row("POST /api/admin/projections/{name}/rebuild", "rebuild the feeds from the first event", data,
                        f -> Call.post("/api/admin/projections/query/rebuild", null), 401, 403, 403, 403, 403, 202, 403, 401)
                .verify(context);
    }
}
