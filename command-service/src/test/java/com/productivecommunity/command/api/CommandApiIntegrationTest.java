package com.productivecommunity.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.command.testing.Api;
import com.productivecommunity.command.testing.Api.Response;
import com.productivecommunity.command.testing.CommandServiceIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every endpoint of docs/api.md's command-service table over real HTTP: success and each failure it implies. */
class CommandApiIntegrationTest extends CommandServiceIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private String community;

    @BeforeEach
    void aCommunityFoundedByAliceThatBobJoined() {
        community = found("alice");
        assertThat(as("bob").post("/api/communities/" + community + "/members", null).status()).isEqualTo(201);
    }

    // --- POST /api/communities

    @Test
    void foundingAnswers201WithTheIdAndTheEventPosition() {
        Response response = as("carol").post("/api/communities", "{\"name\":\"Welding\",\"purpose\":\"Fewer defects\"}");
        assertThat(response.status()).isEqualTo(201);
        String id = response.text("communityId");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.header("X-Event-Position")).isEqualTo(id + ":0");
        assertThat(response.contentType()).startsWith("application/json");
    }

    @Test
    void foundingWithInvalidInputIs400AndStoresNothing() {
        long before = events();
        problem(as("carol").post("/api/communities", "{\"name\":\"ab\",\"purpose\":\"p\"}"), 400);
        problem(as("carol").post("/api/communities", "{\"name\":\"Welding\"}"), 400);
        problem(as("carol").post("/api/communities", "{\"name\": \"Welding\", "), 400);
        problem(as("carol").post("/api/communities", ""), 400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void foundingNeedsAuthentication() {
        Response response = anonymous().post("/api/communities", "{\"name\":\"Welding\",\"purpose\":\"p\"}");
        problem(response, 401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"productive-community\"");
        problem(Api.withPassword(port, "alice", "bob").post("/api/communities", "{\"name\":\"Welding\",\"purpose\":\"p\"}"), 401);
    }

    @Test
    void aBodyOver64KiBIs413() {
        String huge = "{\"name\":\"Welding\",\"purpose\":\"" + "x".repeat(70_000) + "\"}";
        problem(as("carol").post("/api/communities", huge), 413);
    }

    // --- POST /api/communities/{id}/members

    @Test
    void joiningIs201ThenJoiningAgainIs409() {
        Response joined = as("carol").post("/api/communities/" + community + "/members", "{\"purpose\":\"Learn\"}");
        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.header("X-Event-Position")).isEqualTo(community + ":2");
        problem(as("carol").post("/api/communities/" + community + "/members", null), 409);
    }

    @Test
    void joiningChecksInputIdentityAndTheCommunity() {
        problem(as("carol").post("/api/communities/" + community + "/members", "{\"purpose\":\"" + "x".repeat(501) + "\"}"), 400);
        problem(anonymous().post("/api/communities/" + community + "/members", null), 401);
        problem(as("carol").post("/api/communities/" + UUID.randomUUID() + "/members", null), 404);
        problem(as("carol").post("/api/communities/not-a-uuid/members", null), 400);
    }

    // --- DELETE /api/communities/{id}/members/me

    @Test
    void leavingIs204ThenLeavingAgainIs409() {
        Response left = as("bob").delete("/api/communities/" + community + "/members/me");
        assertThat(left.status()).isEqualTo(204);
        assertThat(left.header("X-Event-Position")).isEqualTo(community + ":2");
        problem(as("bob").delete("/api/communities/" + community + "/members/me"), 409);
        problem(as("carol").delete("/api/communities/" + community + "/members/me"), 409);
        problem(as("carol").delete("/api/communities/" + UUID.randomUUID() + "/members/me"), 404);
        problem(anonymous().delete("/api/communities/" + community + "/members/me"), 401);
    }

    // --- PUT /api/communities/{id}/purpose

    @Test
    void onlyLeadersStateTheCommunityPurpose() {
        Response stated = as("alice").put("/api/communities/" + community + "/purpose", "{\"purpose\":\"Zero downtime\"}");
        assertThat(stated.status()).isEqualTo(200);
        assertThat(stated.header("X-Event-Position")).isEqualTo(community + ":2");
        problem(as("bob").put("/api/communities/" + community + "/purpose", "{\"purpose\":\"Mine\"}"), 403);
        problem(as("alice").put("/api/communities/" + community + "/purpose", "{\"purpose\":\"\"}"), 400);
        problem(as("alice").put("/api/communities/" + UUID.randomUUID() + "/purpose", "{\"purpose\":\"x\"}"), 404);
        problem(anonymous().put("/api/communities/" + community + "/purpose", "{\"purpose\":\"x\"}"), 401);
    }

    // --- PUT /api/communities/{id}/members/me/purpose

    @Test
    void onlyMembersStateTheirPurpose() {
        assertThat(as("bob").put("/api/communities/" + community + "/members/me/purpose", "{\"purpose\":\"Learn\"}")
                .status()).isEqualTo(200);
        problem(as("carol").put("/api/communities/" + community + "/members/me/purpose", "{\"purpose\":\"Learn\"}"), 403);
        problem(as("bob").put("/api/communities/" + community + "/members/me/purpose", "{\"purpose\":null}"), 400);
        problem(as("bob").put("/api/communities/" + UUID.randomUUID() + "/members/me/purpose", "{\"purpose\":\"x\"}"), 404);
        problem(anonymous().put("/api/communities/" + community + "/members/me/purpose", "{\"purpose\":\"x\"}"), 401);
    }

    // --- POST /api/communities/{id}/contributions

    @Test
    void membersPostContributions() {
        Response posted = as("bob").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"QUESTION\",\"title\":\"Pump?\",\"body\":\"Why does it stop?\"}");
        assertThat(posted.status()).isEqualTo(201);
        String question = posted.text("contributionId");
        assertThat(posted.header("X-Event-Position")).isEqualTo(question + ":0");
        Response answer = as("alice").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"ANSWER\",\"body\":\"The filter\",\"inReplyTo\":\"" + question + "\"}");
        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void postingChecksKindTitleReplyAndMembership() {
        String path = "/api/communities/" + community + "/contributions";
        Response unknownKind = as("bob").post(path, "{\"kind\":\"RANT\",\"title\":\"t\",\"body\":\"b\"}");
        problem(unknownKind, 400);
        assertThat(unknownKind.text("detail")).contains("RANT").contains("kind");
        problem(as("bob").post(path, "{\"kind\":\"POST\",\"body\":\"b\"}"), 400);
        problem(as("bob").post(path, "{\"kind\":\"ANSWER\",\"body\":\"b\"}"), 400);
        problem(as("bob").post(path, "{\"kind\":\"ANSWER\",\"body\":\"b\",\"inReplyTo\":\"" + UUID.randomUUID() + "\"}"), 400);
        problem(as("bob").post(path, "{\"kind\":\"ANSWER\",\"body\":\"b\",\"inReplyTo\":\"nope\"}"), 400);
        problem(as("carol").post(path, "{\"kind\":\"POST\",\"title\":\"t\",\"body\":\"b\"}"), 403);
        problem(as("bob").post("/api/communities/" + UUID.randomUUID() + "/contributions",
                "{\"kind\":\"POST\",\"title\":\"t\",\"body\":\"b\"}"), 404);
        problem(anonymous().post(path, "{\"kind\":\"POST\",\"title\":\"t\",\"body\":\"b\"}"), 401);
    }

    // --- POST /api/contributions/{id}/reactions

    @Test
    void reactingIs201ThenARepeatIs200WithTheSamePosition() {
        String post = post("bob", "POST");
        Response first = as("alice").post("/api/contributions/" + post + "/reactions", "{\"kind\":\"THANKS\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("X-Event-Position")).isEqualTo(post + ":1");
        Response again = as("alice").post("/api/contributions/" + post + "/reactions", "{\"kind\":\"THANKS\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("X-Event-Position")).isEqualTo(post + ":1");
    }

    @Test
    void reactingChecksKindAuthorAndMembership() {
        String post = post("bob", "POST");
        String path = "/api/contributions/" + post + "/reactions";
        problem(as("alice").post(path, "{\"kind\":\"LOVE\"}"), 400);
        problem(as("alice").post(path, "{}"), 400);
        problem(as("bob").post(path, "{\"kind\":\"LIKE\"}"), 409);
        problem(as("carol").post(path, "{\"kind\":\"LIKE\"}"), 403);
        problem(as("alice").post("/api/contributions/" + UUID.randomUUID() + "/reactions", "{\"kind\":\"LIKE\"}"), 404);
        problem(as("alice").post("/api/contributions/" + community + "/reactions", "{\"kind\":\"LIKE\"}"), 404);
        problem(anonymous().post(path, "{\"kind\":\"LIKE\"}"), 401);
    }

    // --- POST /api/contributions/{id}/views

    @Test
    void viewingIsAlways202AndCountsOnce() {
        String post = post("bob", "IDEA");
        String path = "/api/contributions/" + post + "/views";
        Response first = as("alice").post(path, null);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("X-Event-Position")).isEqualTo(post + ":1");
        Response again = as("alice").post(path, null);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("X-Event-Position")).isEqualTo(post + ":1");
        assertThat(as("bob").post(path, null).status()).isEqualTo(202);
        assertThat(eventsOf(post)).isEqualTo(2);
        problem(as("carol").post(path, null), 403);
        problem(as("alice").post("/api/contributions/" + UUID.randomUUID() + "/views", null), 404);
        problem(anonymous().post(path, null), 401);
    }

    // --- PUT /api/contributions/{id}/accepted-answer

    @Test
    void theQuestionsAuthorAcceptsOneAnswer() {
        String question = post("bob", "QUESTION");
        String answer = answer("alice", question);
        String other = answer("alice", question);
        String path = "/api/contributions/" + question + "/accepted-answer";
        problem(as("alice").put(path, "{\"answerId\":\"" + answer + "\"}"), 403);
        Response accepted = as("bob").put(path, "{\"answerId\":\"" + answer + "\"}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.header("X-Event-Position")).isEqualTo(question + ":1");
        assertThat(as("bob").put(path, "{\"answerId\":\"" + answer + "\"}").status()).isEqualTo(200);
        problem(as("bob").put(path, "{\"answerId\":\"" + other + "\"}"), 409);
        assertThat(eventsOf(question)).isEqualTo(2);
    }

    @Test
    void acceptingChecksTheAnswerAndTheQuestion() {
        String question = post("bob", "QUESTION");
        String otherQuestion = post("bob", "QUESTION");
        String answerElsewhere = answer("alice", otherQuestion);
        String notAQuestion = post("bob", "POST");
        problem(as("bob").put("/api/contributions/" + question + "/accepted-answer",
                "{\"answerId\":\"" + answerElsewhere + "\"}"), 400);
        problem(as("bob").put("/api/contributions/" + notAQuestion + "/accepted-answer",
                "{\"answerId\":\"" + answerElsewhere + "\"}"), 400);
        problem(as("bob").put("/api/contributions/" + question + "/accepted-answer", "{}"), 400);
        problem(as("bob").put("/api/contributions/" + UUID.randomUUID() + "/accepted-answer",
                "{\"answerId\":\"" + answerElsewhere + "\"}"), 404);
        problem(anonymous().put("/api/contributions/" + question + "/accepted-answer",
                "{\"answerId\":\"" + answerElsewhere + "\"}"), 401);
    }

    // --- POST /api/communities/{id}/outcomes

    @Test
    void leadersRecordOutcomesLinkedToTheCommunitysContributions() {
        String question = post("bob", "QUESTION");
        Response recorded = as("alice").post("/api/communities/" + community + "/outcomes",
                "{\"description\":\"Saved 3 hours\",\"value\":300.5,\"contributionIds\":[\"" + question + "\"]}");
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(UUID.fromString(recorded.text("outcomeId"))).isNotNull();
        assertThat(recorded.header("X-Event-Position")).isEqualTo(community + ":2");
        assertThat(as("alice").post("/api/communities/" + community + "/outcomes",
                "{\"description\":\"Morale\",\"value\":1,\"contributionIds\":[]}").status()).isEqualTo(201);
    }

    @Test
    void recordingAnOutcomeChecksLeadershipValueAndLinks() {
        String path = "/api/communities/" + community + "/outcomes";
        String elsewhere = postIn(found("carol"), "carol", "POST");
        problem(as("bob").post(path, "{\"description\":\"Saved\",\"value\":10,\"contributionIds\":[]}"), 403);
        problem(as("alice").post(path, "{\"description\":\"Saved\",\"value\":0,\"contributionIds\":[]}"), 400);
        problem(as("alice").post(path, "{\"description\":\"Saved\",\"value\":1000001,\"contributionIds\":[]}"), 400);
        problem(as("alice").post(path, "{\"description\":\"\",\"value\":10,\"contributionIds\":[]}"), 400);
        problem(as("alice").post(path, "{\"description\":\"Saved\",\"value\":10,\"contributionIds\":[\"" + elsewhere + "\"]}"), 400);
        problem(as("alice").post("/api/communities/" + UUID.randomUUID() + "/outcomes",
                "{\"description\":\"Saved\",\"value\":10,\"contributionIds\":[]}"), 404);
        problem(anonymous().post(path, "{\"description\":\"Saved\",\"value\":10,\"contributionIds\":[]}"), 401);
    }

    // --- routes

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        problem(as("alice").get("/api/nothing"), 404);
        problem(as("alice").get("/api/communities"), 405);
    }

    // --- helpers

    private String found(String founder) {
        Response response = as(founder).post("/api/communities", "{\"name\":\"Maintenance\",\"purpose\":\"Less downtime\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("communityId");
    }

    private String post(String author, String kind) {
        return postIn(community, author, kind);
    }

    private String postIn(String communityId, String author, String kind) {
        Response response = as(author).post("/api/communities/" + communityId + "/contributions",
                "{\"kind\":\"" + kind + "\",\"title\":\"Title\",\"body\":\"Body\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("contributionId");
    }

    private String answer(String author, String question) {
        Response response = as(author).post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"ANSWER\",\"body\":\"Body\",\"inReplyTo\":\"" + question + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("contributionId");
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private static void problem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.json().get("detail").asText()).isNotBlank();
        assertThat(response.header("X-Event-Position")).isNull();
    }
}
