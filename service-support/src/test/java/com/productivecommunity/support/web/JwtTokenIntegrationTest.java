package com.productivecommunity.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.support.testing.TestIdentityProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code prod} against a real provider: RS256 tokens signed with a key made in the test, the service
 * fetching the provider's discovery document and JWKS over HTTP. Only a token of the configured issuer, for
 * the configured audience, in its validity window, signed by the provider's key, naming a subject is
 * accepted; every forgery is a 401 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@AutoConfigureObservability
class JwtTokenIntegrationTest {

    static final TestIdentityProvider IDP = new TestIdentityProvider();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        IDP.serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stop() {
        IDP.close();
    }

    @Test
    void aValidTokenActsAsItsSubjectWithItsRolesAndSegments() throws Exception {
        HttpResponse<String> response = me("Bearer " + IDP.token("dana", List.of("ANALYST"), List.of("employee", "remote")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode member = JSON.readTree(response.body());
        assertThat(member.get("id").asText()).isEqualTo("dana");
        assertThat(member.get("analyst").asBoolean()).isTrue();
        assertThat(member.get("auditor").asBoolean()).isFalse();
        assertThat(member.get("segments")).extracting(JsonNode::asText).containsExactlyInAnyOrder("employee", "remote");
    }

    @Test
    void aTokenForAnotherApplicationIsRefused() throws Exception {
        assertRefused(IDP.signed(c -> c.subject("alice").audience("another-application")), "aud");
        assertThat(me("Bearer " + IDP.signed(c -> c.subject("alice").audience(List.of("another-application",
                TestIdentityProvider.AUDIENCE)))).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        assertRefused(IDP.signed(c -> c.subject("alice").issuer("http://127.0.0.1:1/realms/other")), "iss");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        assertRefused(IDP.signed(c -> c.subject("alice").issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))), "expired");
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        Instant future = Instant.now().plus(Duration.ofMinutes(10));
        assertRefused(IDP.signed(c -> c.subject("alice").notBeforeTime(Date.from(future))), "used before");
    }

    @Test
    void aTokenThatNeverExpiresIsRefused() throws Exception {
        assertRefused(IDP.signed(c -> c.subject("alice").expirationTime(null)), "exp");
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        assertRefused(IDP.unsigned("alice"), null);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        assertRefused(IDP.signedByAnotherKey("alice"), null);
    }

    @Test
    void anHmacTokenWithThePublicKeyAsSecretIsRefused() throws Exception {
        assertRefused(IDP.hmacWithThePublicKey("alice"), null);
    }

    @Test
    void aTokenWhosePayloadWasChangedIsRefused() throws Exception {
        assertRefused(IDP.tampered("alice", "dana"), null);
    }

    @Test
    void aTokenWithoutSubjectIsRefused() throws Exception {
        assertRefused(IDP.signed(c -> c.subject(null)), "sub");
        assertRefused(IDP.signed(c -> c.subject(" ")), "sub");
    }

    @Test
    void withoutATokenIsA401BearerChallenge() throws Exception {
        HttpResponse<String> response = me(null);
        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void theDemoDirectoryIsOff() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8));
        assertProblem(me(basic), 401);
    }

    @Test
    void metricsNeedTheOperatorRoleAndHealthShowsOnlyAStatus() throws Exception {
        assertProblem(get("/actuator/prometheus", null), 401);
        assertProblem(get("/actuator/prometheus", "Bearer " + IDP.token("dana", List.of("ANALYST"), List.of())), 403);
        HttpResponse<String> scrape = get("/actuator/prometheus", "Bearer " + IDP.token("prometheus", List.of("OPERATOR"), List.of()));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");

        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        // A status (and the names of the probe groups), never components, details or exception texts.
        assertThat(JSON.readTree(health.body()).properties()).extracting(e -> e.getKey()).containsOnly("status", "groups");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertProblem(get("/actuator/health/diskSpace", null), 401);
        HttpResponse<String> detailed = get("/actuator/health", "Bearer " + IDP.token("prometheus", List.of("OPERATOR"), List.of()));
        assertThat(JSON.readTree(detailed.body()).has("components")).as(detailed.body()).isTrue();
    }

    @Test
    void hstsIsSentBehindATlsProxy() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(get("/actuator/health", null).headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private void assertRefused(String token, String reason) throws Exception {
        HttpResponse<String> response = me("Bearer " + token);
        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        if (reason != null) {
            assertThat(JSON.readTree(response.body()).get("detail").asText()).contains(reason);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private HttpResponse<String> me(String authorization) throws Exception {
        return get("/api/me", authorization);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
