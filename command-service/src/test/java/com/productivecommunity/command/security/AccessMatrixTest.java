package com.productivecommunity.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.productivecommunity.command.testing.Api;
import com.productivecommunity.command.testing.CommandServiceIntegrationTest;
import com.productivecommunity.support.testing.AccessMatrix;
import com.productivecommunity.support.testing.AccessMatrix.Call;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * command-service's access matrix (published in docs/security.md): every mapping, every caller, over HTTP on
 * the running service. Each cell gets a fresh community: carol founded it (leader), alice and bob joined,
 * alice asked a question (author), bob answered it; frank, dana and erin are not members.
 */
class AccessMatrixTest extends CommandServiceIntegrationTest {

    private static final String COMMUNITY = "{\"name\":\"Matrix community\",\"purpose\":\"check every rule\"}";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    record Community(String id, String question, String answer) {
    }

    private Community community() {
        String id = as("carol").post("/api/communities", COMMUNITY).text("communityId");
        assertThat(as("alice").post("/api/communities/" + id + "/members", null).status()).isEqualTo(201);
        assertThat(as("bob").post("/api/communities/" + id + "/members", null).status()).isEqualTo(201);
        String question = as("alice").post("/api/communities/" + id + "/contributions",
                "{\"kind\":\"QUESTION\",\"title\":\"Why?\",\"body\":\"Because.\"}").text("contributionId");
        String answer = as("bob").post("/api/communities/" + id + "/contributions",
                "{\"kind\":\"ANSWER\",\"body\":\"This.\",\"inReplyTo\":\"" + question + "\"}").text("contributionId");
        return new Community(id, question, answer);
    }

    @Test
    void everyMappingAnswersEveryCallerAsTheRulesSay() {
        Supplier<Community> fresh = this::community;
        Supplier<Object> none = () -> null;
        // The audit rows need an event under a signed tree head (heads follow within a second).
        Supplier<Object> covered = () -> {
            fresh.get();
            await().atMost(30, TimeUnit.SECONDS).until(() ->
                    jdbc.queryForObject("SELECT coalesce(max(size), 0) FROM audit_tree_head", Long.class) >= 1);
            return null;
        };
        AccessMatrix.demo("command-service", port)
                //                                                                                     anon non  mem  auth lead ANA  AUD  OPS
                .row("POST /api/communities", "found a community", none,
                        f -> Call.post("/api/communities", COMMUNITY), 401, 201, 201, 201, 201, 201, 201, 401)
                .row("POST /api/communities/{communityId}/members", "join", fresh,
                        c -> Call.post("/api/communities/" + c.id() + "/members", null), 401, 201, 409, 409, 409, 201, 201, 401)
                .row("DELETE /api/communities/{communityId}/members/me", "leave", fresh,
                        c -> Call.delete("/api/communities/" + c.id() + "/members/me"), 401, 409, 204, 204, 204, 409, 409, 401)
                .row("PUT /api/communities/{communityId}/purpose", "change the community's purpose", fresh,
                        c -> Call.put("/api/communities/" + c.id() + "/purpose", "{\"purpose\":\"a better one\"}"),
                        401, 403, 403, 403, 200, 403, 403, 401)
                .row("PUT /api/communities/{communityId}/members/me/purpose", "state my purpose", fresh,
                        c -> Call.put("/api/communities/" + c.id() + "/members/me/purpose", "{\"purpose\":\"learn\"}"),
                        401, 403, 200, 200, 200, 403, 403, 401)
                .row("POST /api/communities/{communityId}/contributions", "post a question", fresh,
                        c -> Call.post("/api/communities/" + c.id() + "/contributions",
                                "{\"kind\":\"QUESTION\",\"title\":\"How?\",\"body\":\"Like this?\"}"),
                        401, 403, 201, 201, 201, 403, 403, 401)
                .row("POST /api/contributions/{contributionId}/reactions", "thank for the question", fresh,
                        c -> Call.post("/api/contributions/" + c.question() + "/reactions", "{\"kind\":\"THANKS\"}"),
                        401, 403, 201, 409, 201, 403, 403, 401)
                .row("POST /api/contributions/{contributionId}/views", "view the answer", fresh,
                        c -> Call.post("/api/contributions/" + c.answer() + "/views", null),
                        401, 403, 202, 202, 202, 403, 403, 401)
                .row("PUT /api/contributions/{questionId}/accepted-answer", "accept the answer", fresh,
                        c -> Call.put("/api/contributions/" + c.question() + "/accepted-answer",
                                "{\"answerId\":\"" + c.answer() + "\"}"),
                        401, 403, 403, 200, 403, 403, 403, 401)
                .row("POST /api/communities/{communityId}/outcomes", "record an outcome", fresh,
                        c -> Call.post("/api/communities/" + c.id() + "/outcomes",
                                "{\"description\":\"hours saved\",\"value\":3,\"contributionIds\":[\"" + c.answer() + "\"]}"),
                        401, 403, 403, 403, 201, 403, 403, 401)
                .row("POST /api/communities/{communityId}/leaders", "name bob a leader", fresh,
                        c -> Call.post("/api/communities/" + c.id() + "/leaders", "{\"memberId\":\"bob\"}"),
                        401, 403, 403, 403, 201, 403, 403, 401)
                .row("DELETE /api/communities/{communityId}/leaders/{memberId}", "remove carol, the only leader", fresh,
                        c -> Call.delete("/api/communities/" + c.id() + "/leaders/carol"),
                        401, 403, 403, 403, 409, 403, 403, 401)
                .row("POST /api/communities/{communityId}/members/{memberId}/removal", "remove bob from the community",
                        fresh, c -> Call.post("/api/communities/" + c.id() + "/members/bob/removal",
                                "{\"reason\":\"spam\"}"),
                        401, 403, 403, 403, 204, 403, 403, 401)
                .row("PUT /api/contributions/{contributionId}", "edit the question", fresh,
                        c -> Call.put("/api/contributions/" + c.question(), "{\"title\":\"Why not?\",\"body\":\"Because!\"}"),
                        401, 403, 403, 200, 403, 403, 403, 401)
                .row("DELETE /api/contributions/{contributionId}", "retract the question", fresh,
                        c -> Call.delete("/api/contributions/" + c.question()),
                        401, 403, 403, 204, 403, 403, 403, 401)
                .row("PUT /api/contributions/{contributionId}/hidden", "hide the answer", fresh,
                        c -> Call.put("/api/contributions/" + c.answer() + "/hidden", "{\"reason\":\"off topic\"}"),
                        401, 403, 403, 403, 200, 403, 403, 401)
                .row("GET /api/audit/tree-head", "the audit log's latest signed tree head", covered,
                        f -> Call.get("/api/audit/tree-head"), 401, 403, 403, 403, 403, 403, 200, 401)
                .row("GET /api/audit/inclusion", "inclusion proof of an event", covered,
                        f -> Call.get("/api/audit/inclusion?position=1"), 401, 403, 403, 403, 403, 403, 200, 401)
                .row("GET /api/audit/consistency", "consistency proof between two tree sizes", covered,
                        f -> Call.get("/api/audit/consistency?from=1"), 401, 403, 403, 403, 403, 403, 200, 401)
                .row("GET /api/audit/public-key", "the log's public key (PEM)", none,
                        f -> Call.get("/api/audit/public-key"), 401, 403, 403, 403, 403, 403, 200, 401)
                .row("GET /api/audit/status", "the log's own check: size, last signed head, last check", none,
                        f -> Call.get("/api/audit/status"), 401, 403, 403, 403, 403, 403, 200, 401)
                .row("GET /api/audit/export", "export of the events and tree heads (JSON lines)", covered,
                        f -> Call.stream("/api/audit/export"), 401, 403, 403, 403, 403, 403, 200, 401)
                .operationsAndDocs()
                .verify(context);
    }
}
