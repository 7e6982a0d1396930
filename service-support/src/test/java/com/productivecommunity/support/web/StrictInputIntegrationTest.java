package com.productivecommunity.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Strict JSON bodies, canonical ids and typed parameters: every way to get them wrong is a 400 naming the field. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictInputIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The field a parse error names depends on where the parser stopped; only its presence is not checked. */
    private static final String ANY = "*";
    private static final String ID = "0b6b2f8e-4a8e-4a36-8d6e-0e6f3d3f5b7c";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aWellFormedBodyIsAccepted() throws Exception {
        HttpResponse<String> response = post("/api/strict/commands", "{\"text\":\"x\",\"kind\":\"QUESTION\",\"id\":\""
                + ID.toUpperCase() + "\",\"value\":12.5,\"ids\":[],\"nested\":{\"label\":\"l\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("id").asText()).isEqualTo(ID);
        assertThat(post("/api/strict/commands", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownFieldIsA400NamingItAndTheKnownFields() throws Exception {
        JsonNode problem = problem(post("/api/strict/commands", "{\"text\":\"x\",\"titel\":\"typo\"}"), "titel");
        assertThat(problem.get("detail").asText()).contains("Unknown field 'titel'").contains("ids, kind, nested, text, value");
        problem(post("/api/strict/commands", "{\"nested\":{\"label\":\"l\",\"colour\":1}}"), "nested.colour");
    }

    @Test
    void duplicateKeysTrailingContentAndMalformedJsonAre400() throws Exception {
        problem(post("/api/strict/commands", "{\"text\":\"a\",\"text\":\"b\"}"), "text");
        problem(post("/api/strict/commands", "{\"text\":\"a\"} {\"text\":\"b\"}"), null);
        problem(post("/api/strict/commands", "{\"text\":\"a\"} x"), null);
        problem(post("/api/strict/commands", "{\"text\":\"a\"]"), ANY);
        problem(post("/api/strict/commands", "{\"text\":'a'}"), ANY);
        problem(post("/api/strict/commands", "{text:\"a\"}"), null);
        problem(post("/api/strict/commands", "{\"text\":\"a\",}"), ANY);
        problem(post("/api/strict/commands", "{\"text\":\"a\" /* comment */}"), ANY);
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400() throws Exception {
        for (String body : new String[] {"[]", "[{}]", "\"text\"", "12", "true", "null", "", " "}) {
            problem(post("/api/strict/commands", body), null);
        }
    }

    @Test
    void aTextFieldTakesOnlyAJsonString() throws Exception {
        for (String value : new String[] {"12", "1.5", "true", "{}", "[\"x\"]", "[]"}) {
            problem(post("/api/strict/commands", "{\"text\":" + value + "}"), "text");
        }
    }

    @Test
    void anEnumTakesOnlyOneOfItsNames() throws Exception {
        for (String value : new String[] {"0", "1", "\"question\"", "\"\"", "\"RANT\"", "true", "[\"QUESTION\"]"}) {
            problem(post("/api/strict/commands", "{\"kind\":" + value + "}"), "kind");
        }
    }

    @Test
    void aUuidTakesOnlyTheCanonicalForm() throws Exception {
        for (String value : new String[] {"\"1-1-1-1-1\"", "\"AAAAAAAAAAAAAAAAAAAAAA==\"", "\"nope\"", "\"\"",
                "\"" + ID + " \"", "\"{" + ID + "}\"", "\"" + ID.replace("-", "") + "\"", "12", "true", "{}",
                "\"０b6b2f8e-4a8e-4a36-8d6e-0e6f3d3f5b7c\""}) {
            problem(post("/api/strict/commands", "{\"id\":" + value + "}"), "id");
        }
        problem(post("/api/strict/commands", "{\"ids\":[\"" + ID + "\",\"x\"]}"), "ids[1]");
        problem(post("/api/strict/commands", "{\"ids\":\"" + ID + "\"}"), "ids");
    }

    @Test
    void aNumberTakesOnlyAJsonNumber() throws Exception {
        for (String value : new String[] {"\"12\"", "\"\"", "true", "[1]", "{}"}) {
            problem(post("/api/strict/commands", "{\"value\":" + value + "}"), "value");
        }
        for (String value : new String[] {"NaN", "Infinity", "-Infinity", "+1", ".5", "1.", "0x10", "01"}) {
            problem(post("/api/strict/commands", "{\"value\":" + value + "}"), ANY);
        }
        // A long number reaches its field's own rule (which names the field), whatever Jackson's default limit.
        assertThat(post("/api/strict/commands", "{\"value\":" + "9".repeat(1_500) + "}").statusCode()).isEqualTo(200);
        problem(post("/api/strict/flags", "{\"on\":true,\"count\":" + "9".repeat(50_000) + "}"), "count");
        problem(post("/api/strict/commands", "{\"value\":1e99999999999}"), "value");
        problem(post("/api/strict/flags", "{\"on\":true,\"count\":1.5}"), "count");
        problem(post("/api/strict/flags", "{\"on\":true,\"count\":1e2}"), "count");
        problem(post("/api/strict/flags", "{\"on\":true,\"count\":\"3\"}"), "count");
        problem(post("/api/strict/flags", "{\"on\":true,\"count\":null}"), "count");
        problem(post("/api/strict/flags", "{\"on\":true,\"count\":99999999999}"), "count");
        problem(post("/api/strict/flags", "{\"on\":1,\"count\":1}"), "on");
        problem(post("/api/strict/flags", "{\"on\":\"true\",\"count\":1}"), "on");
        assertThat(post("/api/strict/flags", "{\"on\":true,\"count\":3}").statusCode()).isEqualTo(200);
    }

    @Test
    void deeplyNestedJsonIsA400() throws Exception {
        problem(post("/api/strict/commands", "{\"text\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"), ANY);
    }

    @Test
    void whatTheClientSentIsRepeatedEscapedSoNoInputBreaksTheResponse() throws Exception {
        JsonNode unknown = problem(post("/api/strict/commands", "{\"\\ud800\\u0000x\":1}"), "\\uD800\\u0000x");
        assertThat(unknown.get("detail").asText()).contains("'\\uD800\\u0000x'");
        JsonNode kind = problem(post("/api/strict/commands", "{\"kind\":\"\\udfff" + "k".repeat(200) + "\"}"), "kind");
        assertThat(kind.get("detail").asText()).contains("'\\uDFFF" + "k".repeat(79) + "'…");
    }

    @Test
    void aPathIdThatIsNotACanonicalUuidIsA400NamingIt() throws Exception {
        assertThat(get("/api/strict/items/" + ID).statusCode()).isEqualTo(200);
        for (String id : new String[] {"not-a-uuid", "1-1-1-1-1", ID + "0", ID.replace("-", ""), "%20" + ID}) {
            JsonNode problem = problem(get("/api/strict/items/" + id), "itemId");
            assertThat(problem.get("detail").asText()).startsWith("Path segment 'itemId' must be a UUID");
        }
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400NamingIt() throws Exception {
        problem(get("/api/strict/items/" + ID + "?limit=abc"), "limit");
        problem(get("/api/strict/items/" + ID + "?limit=99999999999"), "limit");
        problem(get("/api/strict/items/" + ID + "?limit=1.5"), "limit");
        problem(get("/api/strict/items/" + ID + "?after=1-1-1-1-1"), "after");
        problem(get("/api/strict/items/" + ID + "?after=%00"), "after");
    }

    @Test
    void aUrlTheFirewallRefusesIsAProblemToo() throws Exception {
        for (String path : new String[] {"/api/strict/items/a;b", "/api/strict/%2e%2e/items", "/api/strict/items/a%3Bb"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().as(path)
                    .startsWith("application/problem+json");
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("status").asInt()).isEqualTo(400);
            assertThat(body.get("detail").asText()).contains("refused before it reached the API");
        }
    }

    @Test
    void anInvalidInputExceptionNamesItsField() throws Exception {
        JsonNode problem = problem(post("/api/strict/invalid-field", "{}"), "title");
        assertThat(problem.get("detail").asText()).isEqualTo("title contains a NUL character, U+0000, at character 3");
    }

    private static JsonNode problem(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("title").asText()).isEqualTo("Bad Request");
        assertThat(body.get("detail").asText()).isNotBlank();
        if (field == ANY) {
            return body;
        }
        if (field == null) {
            assertThat(body.has("field")).as(response.body()).isFalse();
        } else {
            assertThat(body.path("field").asText()).as(response.body()).isEqualTo(field);
        }
        return body;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(authorized(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return builder.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8)));
    }
}
