package com.productivecommunity.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The default setup: security headers on every kind of response, CORS closed, operations endpoints closed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class SecurityHeadersIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> responses = List.of(
                send(get("/api/me", "alice")),                       // 200
                send(get("/api/me", null)),                          // 401
                send(get("/api/nothing-here", "alice")),             // 404
                send(get("/actuator/health", null)),                 // 200, actuator
                send(get("/actuator/prometheus", "alice")),          // 401, actuator
                send(get("/v3/api-docs-not-here", null)));           // 401 unknown path
        for (HttpResponse<String> response : responses) {
            var headers = response.headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).as(response.uri().toString()).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'none'").contains("frame-ancestors 'none'");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Cache-Control")).get().asString().contains("no-store");
            // Plain HTTP: HSTS only over HTTPS (see JwtTokenIntegrationTest for prod behind a TLS proxy).
            assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void corsIsClosedByDefault() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "GET").build());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> simple = send(HttpRequest.newBuilder(uri("/api/me")).header("Origin", "http://evil.example")
                .header("Authorization", basic("alice")).GET().build());
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void metricsAndDetailsNeedTheScraperAccount() throws Exception {
        assertThat(send(get("/actuator/prometheus", null)).statusCode()).isEqualTo(401);
        assertThat(send(get("/actuator/prometheus", "dana")).statusCode()).as("people are not scrapers").isEqualTo(403);
        assertThat(send(get("/actuator/health", "dana")).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/info", null)).statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("prometheus:prometheus".getBytes(StandardCharsets.UTF_8)))
                .GET().build());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(send(get("/actuator/health", null)).body()).doesNotContain("components").doesNotContain("details");
    }

    private HttpRequest get(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
