package com.productivecommunity.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.support.testing.TestIdentityProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * A configured member-id claim (the compose realm's administrator-only {@code member_id}), JWKS from
 * {@code jwk-set-uri} without discovery, as in the compose setup where the issuer's host is the browser's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.security.jwt.member-id-claim=member_id", "platform.security.jwt.roles-claim=groups",
        "platform.security.scraper.password=scrape-secret"})
@ActiveProfiles("prod")
@AutoConfigureObservability
class JwtMemberClaimIntegrationTest {

    static final TestIdentityProvider IDP = new TestIdentityProvider();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", IDP::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", IDP::jwksUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIdentityProvider.AUDIENCE);
    }

    @AfterAll
    static void stop() {
        IDP.close();
    }

    @Test
    void theMemberIdIsTheConfiguredClaimNotTheSubject() throws Exception {
        HttpResponse<String> response = me(IDP.signed(c -> c.subject("3f1c1e7a-uuid-of-erin").claim("member_id", "erin")
                .claim("preferred_username", "dana").claim("groups", List.of("AUDITOR"))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var member = new ObjectMapper().readTree(response.body());
        assertThat(member.get("id").asText()).isEqualTo("erin");
        assertThat(member.get("auditor").asBoolean()).isTrue();
    }

    @Test
    void aTokenWithoutTheMemberIdClaimIsRefused() throws Exception {
        HttpResponse<String> response = me(IDP.signed(c -> c.subject("someone").claim("preferred_username", "alice")));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("member_id");
    }

    @Test
    void aConfiguredScraperPasswordOpensMetricsToBasicAndTokensWithTheOperatorRoleStillWork() throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("prometheus:scrape-secret".getBytes());
        assertThat(get("/actuator/prometheus", basic).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("prometheus:wrong".getBytes())).statusCode()).isEqualTo(401);
        String operator = "Bearer " + IDP.signed(c -> c.subject("svc").claim("member_id", "prometheus")
                .claim("groups", List.of("OPERATOR")));
        assertThat(get("/actuator/prometheus", operator).statusCode()).isEqualTo(200);
        assertThat(get("/api/me", basic).statusCode()).as("the scraper is no member").isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> me(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
