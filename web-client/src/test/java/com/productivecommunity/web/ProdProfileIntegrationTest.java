package com.productivecommunity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile prod over real HTTP: the demo login is gone, sign-in goes to the identity provider (a stub that only
 * serves its OpenID discovery document), and the API refuses calls without a signed-in session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class ProdProfileIntegrationTest {

    private static final HttpServer IDP = identityProvider();

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("OIDC_ISSUER_URI", ProdProfileIntegrationTest::issuer);
        registry.add("OIDC_CLIENT_ID", () -> "web-client");
        registry.add("OIDC_CLIENT_SECRET", () -> "secret");
    }

    @AfterAll
    static void stop() {
        IDP.stop(0);
    }

    @Test
    void signInGoesToTheIdentityProvider() throws Exception {
        HttpResponse<String> me = get("/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.body()).contains("\"loginUrl\":\"/oauth2/authorization/platform\"");

        HttpResponse<String> login = get("/oauth2/authorization/platform");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(issuer() + "/authorize?").contains("client_id=web-client").contains("scope=openid%20profile"));
    }

    @Test
    void demoLoginIsOffAndTheApiNeedsASession() throws Exception {
        HttpResponse<String> demo = browser.send(HttpRequest.newBuilder(uri("/login")).header("X-Requested-With", "fetch")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice\",\"password\":\"alice\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(demo.statusCode()).isNotEqualTo(200);
        assertThat(demo.body()).doesNotContain("alice");

        HttpResponse<String> api = get("/api/feed");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String issuer() {
        return "http://127.0.0.1:" + IDP.getAddress().getPort();
    }

    private static HttpServer identityProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/openid-configuration", exchange -> {
                String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
                byte[] body = ("{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                        + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
                        + "\"userinfo_endpoint\":\"" + issuer + "/userinfo\",\"subject_types_supported\":[\"public\"],"
                        + "\"response_types_supported\":[\"code\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
