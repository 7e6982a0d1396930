package com.productivecommunity.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.command.testing.Api.Response;
import com.productivecommunity.command.testing.CommandServiceIntegrationTest;
import com.productivecommunity.command.testing.StoredEvents;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.OutcomeRecorded;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command edge accepts only what every projection can store: each field's text and number rules,
 * strict JSON and canonical ids, every rejection a 400 naming the field, and no event left behind.
 */
class InputEdgeIntegrationTest extends CommandServiceIntegrationTest {

    /** Hostile texts every field refuses, as JSON string literals (escapes reach the server as sent). */
    private static final Map<String, String> REFUSED_EVERYWHERE = Map.of(
            "\"ab\\u0000cd\"", "NUL character",
            "\"ab\\u0007cd\"", "control character",
            "\"ab\\u009Bcd\"", "control character",
            "\"ab\\ud800cd\"", "unpaired surrogate",
            "\"ab\\udc00cd\"", "unpaired surrogate",
            "\"ab\\uFFFEcd\"", "noncharacter",
            "\"ab\\uFDD0cd\"", "noncharacter",
            "\"\\uFEFFabcd\"", "byte order mark",
            "\"ab\\u000Bcd\"", "control character");
    private static final Map<String, String> MISSING = Map.of(
            "null", "is required", "\"\"", "is required", "\"   \"", "is required", "\"\\u200B\\u00A0\"", "is required");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    private StoredEvents events;
    private String community;

    @BeforeEach
    void aCommunityFoundedByAliceThatBobJoined() {
        events = new StoredEvents(jdbc, eventStore);
        community = found("alice");
        assertThat(as("bob").post("/api/communities/" + community + "/members", null).status()).isEqualTo(201);
    }

    // --- texts, field by field

    @Test
    void communityNameFollowsTheSingleLineTextRule() {
        Function<String, Response> found = name -> as("carol").post("/api/communities",
                "{\"name\":" + name + ",\"purpose\":\"p\"}");
        refusedEverywhere(found, "name");
        missing(found, "name");
        refused(found, "name", "\"ab\"", "must be 3 to 100 characters (Unicode code points), got 2");
        refused(found, "name", "\"" + "x".repeat(101) + "\"", "got 101");
        refused(found, "name", "\" ab \"", "got 2");
        refused(found, "name", "\"Line\\nbreak\"", "line breaks and tabs are not allowed here");
        refused(found, "name", "\"Tab\\there\"", "control character");
        refused(found, "name", "\"Sep\\u2028arator\"", "line separator");
        String astral = "\\uD83D\\uDE00";
        refused(found, "name", "\"" + astral.repeat(101) + "\"", "got 101");

        String id = created(found.apply("\"" + astral.repeat(100) + "\""), "communityId");
        assertThat(events.last(id, CommunityFounded.class).name()).isEqualTo("\uD83D\uDE00".repeat(100));
        String trimmed = created(found.apply("\"  \\u3000Welding\\u00A0 \""), "communityId");
        assertThat(events.last(trimmed, CommunityFounded.class).name()).isEqualTo("Welding");
    }

    @Test
    void purposesFollowTheMultiLineTextRuleWhereverTheyAreStated() {
        Function<String, Response> founding = purpose -> as("carol").post("/api/communities",
                "{\"name\":\"Welding\",\"purpose\":" + purpose + "}");
        Function<String, Response> community = purpose -> as("alice").put("/api/communities/" + this.community
                + "/purpose", "{\"purpose\":" + purpose + "}");
        Function<String, Response> member = purpose -> as("bob").put("/api/communities/" + this.community
                + "/members/me/purpose", "{\"purpose\":" + purpose + "}");
        Function<String, Response> joining = purpose -> as("carol").post("/api/communities/" + this.community
                + "/members", "{\"purpose\":" + purpose + "}");
        for (Function<String, Response> call : List.of(founding, community, member, joining)) {
            refusedEverywhere(call, "purpose");
            refused(call, "purpose", "\"" + "p".repeat(501) + "\"", "must be 1 to 500 characters");
        }
        for (Function<String, Response> call : List.of(founding, community, member)) {
            missing(call, "purpose");
        }

        String id = created(founding.apply("\"\\r\\n  first\\r\\n\\tsecond\\rthird  \\n\\n\""), "communityId");
        assertThat(events.last(id, CommunityFounded.class).purpose()).isEqualTo("  first\n\tsecond\nthird");
        assertThat(community.apply("\"Zero\\ndowntime \"").status()).isEqualTo(200);
        assertThat(events.last(this.community, CommunityPurposeStated.class).purpose()).isEqualTo("Zero\ndowntime");
        assertThat(member.apply("\"" + "p".repeat(500) + "\"").status()).isEqualTo(200);
        assertThat(events.last(this.community, MemberPurposeStated.class).purpose()).isEqualTo("p".repeat(500));
    }

    @Test
    void aBlankPurposeWhenJoiningIsNoPurpose() {
        assertThat(as("carol").post("/api/communities/" + community + "/members", "{\"purpose\":\" \\n \"}").status())
                .isEqualTo(201);
        assertThat(events.last(community, MemberJoined.class).purpose()).isNull();
    }

    @Test
    void contributionTitleIsSingleLineAndBodyMultiLine() {
        Function<String, Response> title = value -> as("bob").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"QUESTION\",\"title\":" + value + ",\"body\":\"b\"}");
        Function<String, Response> body = value -> as("bob").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"POST\",\"title\":\"t\",\"body\":" + value + "}");
        refusedEverywhere(title, "title");
        missing(title, "title");
        refused(title, "title", "\"" + "t".repeat(201) + "\"", "must be 1 to 200 characters");
        refused(title, "title", "\"two\\nlines\"", "line breaks and tabs are not allowed here");
        refusedEverywhere(body, "body");
        missing(body, "body");
        refused(body, "body", "\"" + "b".repeat(20_001) + "\"", "must be 1 to 20000 characters");

        String id = created(body.apply("\"    code\\r\\n  more\\n\\n\""), "contributionId");
        assertThat(events.last(id, ContributionPosted.class).body()).isEqualTo("    code\n  more");
        String max = created(as("bob").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"IDEA\",\"title\":\"" + "t".repeat(200) + "\",\"body\":\"" + "b".repeat(20_000) + "\"}"),
                "contributionId");
        assertThat(events.last(max, ContributionPosted.class).body()).hasSize(20_000);
    }

    @Test
    void anAnswersBlankTitleIsNoTitleButAnInvalidOneIsRefused() {
        String question = post("bob", "QUESTION");
        Function<String, Response> answer = value -> as("alice").post("/api/communities/" + community
                + "/contributions", "{\"kind\":\"ANSWER\",\"title\":" + value + ",\"body\":\"b\",\"inReplyTo\":\""
                + question + "\"}");
        String blank = created(answer.apply("\"  \""), "contributionId");
        assertThat(events.last(blank, ContributionPosted.class).title()).isNull();
        refusedEverywhere(answer, "title");
    }

    @Test
    void outcomeDescriptionFollowsTheMultiLineRule() {
        Function<String, Response> outcome = value -> as("alice").post("/api/communities/" + community + "/outcomes",
                "{\"description\":" + value + ",\"value\":1,\"contributionIds\":[]}");
        refusedEverywhere(outcome, "description");
        missing(outcome, "description");
        refused(outcome, "description", "\"" + "d".repeat(1_001) + "\"", "must be 1 to 1000 characters");
        String id = created(outcome.apply("\"Saved\\r\\n3 hours\""), "outcomeId");
        assertThat(events.last(community, OutcomeRecorded.class).description()).isEqualTo("Saved\n3 hours");
        assertThat(id).isNotBlank();
    }

    // --- numbers

    @Test
    void anOutcomeValueIsBoundedInRangeAndInDecimalPlaces() {
        Function<String, Response> outcome = value -> as("alice").post("/api/communities/" + community + "/outcomes",
                "{\"description\":\"Saved\",\"value\":" + value + ",\"contributionIds\":[]}");
        for (String value : List.of("0", "-0", "-0.0", "-1", "1000000.000001", "1e400", "1E+7", "1e99999999999",
                "9".repeat(500), "-" + "9".repeat(5_000))) {
            refused(outcome, "value", value, "");
        }
        for (String value : List.of("0.0000001", "1.0000001", "1e-7", "1E-1000000000", "0." + "1".repeat(500),
                "1." + "0".repeat(5_000) + "1")) {
            refused(outcome, "value", value, "at most 6 decimal places");
        }
        for (String value : List.of("NaN", "Infinity", "-Infinity", "\"12\"", "\"\"", "true", "[1]", "{}", "null")) {
            refused(outcome, "value", value, "");
        }
        Map<String, String> stored = Map.of("1000000", "1000000", "1E+6", "1000000", "0.000001", "0.000001",
                "12.500000000", "12.5", "999999.999999", "999999.999999", "1." + "0".repeat(3_000),
                "1");
        stored.forEach((sent, kept) -> {
            created(outcome.apply(sent), "outcomeId");
            BigDecimal value = events.last(community, OutcomeRecorded.class).value();
            assertThat(value.toPlainString()).as(sent).isEqualTo(kept);
        });
    }

    // --- typed fields and strict JSON

    @Test
    void typedFieldsAreRefusedNamingTheField() {
        String post = post("bob", "POST");
        String question = post("bob", "QUESTION");
        String contributions = "/api/communities/" + community + "/contributions";
        refusedBody(as("bob").post(contributions, "{\"kind\":\"RANT\",\"title\":\"t\",\"body\":\"b\"}"), "kind");
        refusedBody(as("bob").post(contributions, "{\"kind\":0,\"title\":\"t\",\"body\":\"b\"}"), "kind");
        refusedBody(as("bob").post(contributions, "{\"kind\":\"post\",\"title\":\"t\",\"body\":\"b\"}"), "kind");
        refusedBody(as("bob").post(contributions, "{\"title\":\"t\",\"body\":\"b\"}"), "kind");
        refusedBody(as("bob").post(contributions, "{\"kind\":\"ANSWER\",\"body\":\"b\",\"inReplyTo\":\"nope\"}"),
                "inReplyTo");
        refusedBody(as("bob").post(contributions, "{\"kind\":\"ANSWER\",\"body\":\"b\",\"inReplyTo\":\"1-1-1-1-1\"}"),
                "inReplyTo");
        refusedBody(as("bob").post(contributions, "{\"kind\":\"ANSWER\",\"body\":\"b\"}"), "inReplyTo");
        refusedBody(as("alice").post("/api/contributions/" + post + "/reactions", "{\"kind\":\"LOVE\"}"), "kind");
        refusedBody(as("alice").post("/api/contributions/" + post + "/reactions", "{\"kind\":null}"), "kind");
        refusedBody(as("bob").put("/api/contributions/" + question + "/accepted-answer", "{\"answerId\":\"x\"}"),
                "answerId");
        refusedBody(as("bob").put("/api/contributions/" + question + "/accepted-answer", "{\"answerId\":7}"),
                "answerId");
        refusedBody(as("bob").put("/api/contributions/" + question + "/accepted-answer", "{}"), "answerId");
        String outcomes = "/api/communities/" + community + "/outcomes";
        refusedBody(as("alice").post(outcomes, "{\"description\":\"d\",\"value\":1,\"contributionIds\":[null]}"),
                "contributionIds[0]");
        refusedBody(as("alice").post(outcomes, "{\"description\":\"d\",\"value\":1,\"contributionIds\":[\"" + post
                + "\",\"bad\"]}"), "contributionIds[1]");
        refusedBody(as("alice").post(outcomes, "{\"description\":\"d\",\"value\":1,\"contributionIds\":[\"" + post
                + "\",\"" + UUID.randomUUID() + "\"]}"), "contributionIds[1]");
        refusedBody(as("alice").post(outcomes, "{\"description\":\"d\",\"value\":1,\"contributionIds\":\"" + post
                + "\"}"), "contributionIds");
    }

    @Test
    void unknownFieldsAreRefusedNamingThemInEveryBody() {
        String post = post("bob", "POST");
        String question = post("bob", "QUESTION");
        refusedBody(as("carol").post("/api/communities", "{\"name\":\"Welding\",\"purpose\":\"p\",\"nmae\":1}"), "nmae");
        refusedBody(as("carol").post("/api/communities/" + community + "/members", "{\"purpose\":\"p\",\"role\":\"LEADER\"}"),
                "role");
        refusedBody(as("alice").put("/api/communities/" + community + "/purpose", "{\"purpsoe\":\"p\"}"), "purpsoe");
        refusedBody(as("bob").put("/api/communities/" + community + "/members/me/purpose",
                "{\"purpose\":\"p\",\"memberId\":\"alice\"}"), "memberId");
        refusedBody(as("bob").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"POST\",\"title\":\"t\",\"body\":\"b\",\"authorId\":\"alice\"}"), "authorId");
        refusedBody(as("alice").post("/api/contributions/" + post + "/reactions", "{\"kind\":\"LIKE\",\"count\":9}"),
                "count");
        refusedBody(as("bob").put("/api/contributions/" + question + "/accepted-answer",
                "{\"answerId\":\"" + UUID.randomUUID() + "\",\"x\":1}"), "x");
        refusedBody(as("alice").post("/api/communities/" + community + "/outcomes",
                "{\"description\":\"d\",\"value\":1,\"contributionIds\":[],\"values\":2}"), "values");
    }

    @Test
    void duplicateKeysTrailingGarbageAndBodiesThatAreNotObjectsAreRefused() {
        String post = post("bob", "POST");
        long before = events.count();
        for (String body : List.of("{\"name\":\"Welding\",\"name\":\"Other\",\"purpose\":\"p\"}",
                "{\"name\":\"Welding\",\"purpose\":\"p\"} {}", "{\"name\":\"Welding\",\"purpose\":\"p\"}x",
                "[]", "[{\"name\":\"Welding\",\"purpose\":\"p\"}]", "\"Welding\"", "42", "null", "")) {
            assertProblem(as("carol").post("/api/communities", body), 400);
        }
        for (String body : List.of("\"LIKE\"", "[\"LIKE\"]", "{\"kind\":\"LIKE\",\"kind\":\"THANKS\"}", "null")) {
            assertProblem(as("alice").post("/api/contributions/" + post + "/reactions", body), 400);
        }
        for (String body : List.of("\"purpose\"", "[]", "12")) {
            assertProblem(as("carol").post("/api/communities/" + community + "/members", body), 400);
            assertProblem(as("bob").put("/api/communities/" + community + "/members/me/purpose", body), 400);
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aMalformedPathIdIsA400NamingItAndAWellFormedUnknownOneA404() {
        String post = post("bob", "POST");
        Map<String, String> paths = Map.of(
                "POST /api/communities/%s/members", "communityId",
                "DELETE /api/communities/%s/members/me", "communityId",
                "PUT /api/communities/%s/purpose", "communityId",
                "PUT /api/communities/%s/members/me/purpose", "communityId",
                "POST /api/communities/%s/contributions", "communityId",
                "POST /api/communities/%s/outcomes", "communityId",
                "POST /api/contributions/%s/reactions", "contributionId",
                "POST /api/contributions/%s/views", "contributionId",
                "PUT /api/contributions/%s/accepted-answer", "questionId");
        String validBody = "{\"purpose\":\"p\"}";
        long before = events.count();
        paths.forEach((route, field) -> {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            for (String id : List.of("not-a-uuid", "1-1-1-1-1", community.replace("-", ""), community + "0",
                    community.substring(1), "%E2%80%8B" + community)) {
                Response response = as("alice").send(method, path.formatted(id), "POST".equals(method) ||
                        "PUT".equals(method) ? validBody : null);
                assertProblem(response, 400);
                assertThat(response.json().path("field").asText()).as(route + " " + id).isEqualTo(field);
            }
            Response unknown = as("alice").send(method, path.formatted(UUID.randomUUID()),
                    "GET".equals(method) || "DELETE".equals(method) ? null : bodyFor(route, post));
            assertProblem(unknown, 404);
        });
        assertThat(events.count()).isEqualTo(before);
    }

    private static String bodyFor(String route, String post) {
        if (route.contains("contributions/%s/reactions")) {
            return "{\"kind\":\"LIKE\"}";
        }
        if (route.contains("accepted-answer")) {
            return "{\"answerId\":\"" + post + "\"}";
        }
        if (route.endsWith("/contributions")) {
            return "{\"kind\":\"POST\",\"title\":\"t\",\"body\":\"b\"}";
        }
        if (route.endsWith("/outcomes")) {
            return "{\"description\":\"d\",\"value\":1,\"contributionIds\":[]}";
        }
        return route.contains("/views") || route.startsWith("DELETE") ? null : "{\"purpose\":\"p\"}";
    }

    // --- helpers

    private void refusedEverywhere(Function<String, Response> call, String field) {
        REFUSED_EVERYWHERE.forEach((value, reason) -> refused(call, field, value, reason));
    }

    private void missing(Function<String, Response> call, String field) {
        MISSING.forEach((value, reason) -> refused(call, field, value, reason));
    }

    /** The call with {@code value} in {@code field} is a 400 naming the field and saying why, and stores nothing. */
    private void refused(Function<String, Response> call, String field, String value, String reason) {
        long before = events.count();
        Response response = call.apply(value);
        assertProblem(response, 400);
        JsonNode problem = response.json();
        assertThat(problem.path("field").asText()).as(value + " -> " + response).isEqualTo(field);
        assertThat(problem.get("detail").asText()).as(value).contains(reason);
        assertThat(events.count()).as(value).isEqualTo(before);
    }

    private void refusedBody(Response response, String field) {
        assertProblem(response, 400);
        assertThat(response.json().path("field").asText()).as(response.toString()).isEqualTo(field);
    }

    private String created(Response response, String idField) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text(idField);
    }

    private String found(String founder) {
        return created(as(founder).post("/api/communities", "{\"name\":\"Maintenance\",\"purpose\":\"Less downtime\"}"),
                "communityId");
    }

    private String post(String author, String kind) {
        return created(as(author).post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"" + kind + "\",\"title\":\"Title\",\"body\":\"Body\"}"), "contributionId");
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.json().get("detail").asText()).isNotBlank();
        assertThat(response.header("X-Event-Position")).isNull();
    }
}
