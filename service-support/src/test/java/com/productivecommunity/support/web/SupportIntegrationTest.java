package com.productivecommunity.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.security.cors.allowed-origins=http://client.example")
class SupportIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void resolvesTheAuthenticatedMemberWithRoles() throws Exception {
        HttpResponse<String> response = send(get("/api/me", "dana", "dana"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asText()).isEqualTo("dana");
        assertThat(body.get("roles").toString()).contains("ANALYST");
        assertThat(body.get("analyst").asBoolean()).isTrue();

        JsonNode again = JSON.readTree(send(get("/api/me", "dana", "dana")).body());
        assertThat(again.get("id").asText()).isEqualTo("dana");
    }

    @Test
    void unauthenticatedIsA401ProblemWithBasicChallenge() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/me")).GET().build());
        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Basic realm=\"productive-community\"");
    }

    @Test
    void wrongPasswordIsA401EvenAfterASuccessfulLogin() throws Exception {
        assertThat(send(get("/api/me", "alice", "alice")).statusCode()).isEqualTo(200);
        assertProblem(send(get("/api/me", "alice", "bob")), 401);
        assertProblem(send(get("/api/me", "mallory", "mallory")), 401);
    }

    @Test
    void healthAndApiDocsPathsAreOpen() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build());
        assertThat(health.statusCode()).isNotEqualTo(401);
    }

    @Test
    void malformedJsonIsA400SayingSo() throws Exception {
        HttpResponse<String> response = send(post("/api/paints", "{\"name\": "));
        assertProblem(response, 400);
        assertThat(detail(response)).startsWith("Malformed JSON");
    }

    @Test
    void unknownEnumValueIsA400NamingTheFieldAndAllowedValues() throws Exception {
        HttpResponse<String> response = send(post("/api/paints", "{\"name\":\"x\",\"colour\":\"BLUE\"}"));
        assertProblem(response, 400);
        assertThat(detail(response)).contains("BLUE").contains("colour").contains("RED, GREEN");
    }

    @Test
    void beanValidationIsA400NamingTheField() throws Exception {
        HttpResponse<String> response = send(post("/api/paints", "{\"name\":\"far too long a name\"}"));
        assertProblem(response, 400);
        assertThat(detail(response)).contains("name");
    }

    @Test
    void aPathIdThatIsNotAUuidIsA400() throws Exception {
        assertProblem(send(get("/api/things/not-a-uuid", "alice", "alice")), 400);
    }

    @Test
    void exceptionBaseClassesMapToTheirStatus() throws Exception {
        HttpResponse<String> notFound = send(get("/api/things/" + java.util.UUID.randomUUID(), "alice", "alice"));
        assertProblem(notFound, 404);
        assertThat(detail(notFound)).startsWith("No thing");
        assertProblem(send(post("/api/conflict", "")), 409);
        assertProblem(send(post("/api/forbidden", "")), 403);
        assertProblem(send(post("/api/invalid", "")), 400);
    }

    @Test
    void unknownRouteIsA404AndWrongMethodA405() throws Exception {
        assertProblem(send(get("/api/nothing-here", "alice", "alice")), 404);
        assertProblem(send(get("/api/paints", "alice", "alice")), 405);
    }

    @Test
    void bodyOverTheLimitIsA413ByContentLength() throws Exception {
        HttpResponse<String> response = send(post("/api/echo", bigJson(70_000)));
        assertProblem(response, 413);
    }

    @Test
    void chunkedBodyOverTheLimitIsA413WhileStreaming() throws Exception {
        byte[] body = bigJson(70_000).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = authorized(HttpRequest.newBuilder(uri("/api/echo")), "alice", "alice")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        assertProblem(send(request), 413);
    }

    @Test
    void bodyJustUnderTheLimitIsAccepted() throws Exception {
        byte[] body = bigJson(60_000).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = authorized(HttpRequest.newBuilder(uri("/api/echo")), "alice", "alice")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        assertThat(send(request).statusCode()).isEqualTo(200);
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() throws Exception {
        HttpResponse<String> allowed = send(preflight("http://client.example"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://client.example");
        HttpResponse<String> refused = send(preflight("http://evil.example"));
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest preflight(String origin) {
        return HttpRequest.newBuilder(uri("/api/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .build();
    }

    private static String bigJson(int size) {
        return "{\"text\":\"" + "x".repeat(size) + "\"}";
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
    }

    private static String detail(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("detail").asText();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest get(String path, String user, String password) {
        return authorized(HttpRequest.newBuilder(uri(path)), user, password).GET().build();
    }

    private HttpRequest post(String path, String json) {
        return authorized(HttpRequest.newBuilder(uri(path)), "alice", "alice")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String user, String password) {
        return builder.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
