package com.productivecommunity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production sign-in end to end against a provider that issues real signed tokens: the browser goes to the
 * provider and back, the web client exchanges the code (client secret and PKCE verifier), keeps the tokens in the
 * server-side session only, relays the access token on API calls to a service that verifies signature, issuer
 * and audience and acts as the token's member, and signing out ends it all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.security.jwt.member-id-claim=member_id")
@ActiveProfiles("prod")
class OidcSignInIntegrationTest {

    static final TestOidcProvider PROVIDER = provider();
    static final List<String> upstreamSaw = new ArrayList<>();
    static final HttpServer SERVICE = service();

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The browser's cookies for the web client (by hand: java.net's cookie manager keeps Secure cookies off http). */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final List<HttpResponse<String>> seenByTheBrowser = new ArrayList<>();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("OIDC_ISSUER_URI", PROVIDER::issuer);
        registry.add("OIDC_CLIENT_ID", () -> TestOidcProvider.CLIENT_ID);
        registry.add("OIDC_CLIENT_SECRET", () -> TestOidcProvider.CLIENT_SECRET);
        String service = "http://127.0.0.1:" + SERVICE.getAddress().getPort();
        registry.add("platform.web.command-url", () -> service);
        registry.add("platform.web.query-url", () -> service);
        registry.add("platform.web.analytics-url", () -> service);
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
        SERVICE.stop(0);
    }

    @Test
    void signInCallTheApiAsThatMemberAndSignOut() throws Exception {
        PROVIDER.signInAs("alice");
        int pkce = PROVIDER.pkceVerified.get();

        HttpResponse<String> start = browse("GET", "/oauth2/authorization/platform");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize?").contains("code_challenge=")
                .contains("code_challenge_method=S256");
        assertThat(start.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("PCSESSION=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> atProvider = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(atProvider.statusCode()).isEqualTo(302);
        String callback = atProvider.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith("http://localhost:" + port + "/login/oauth2/code/platform?code=");

        HttpResponse<String> back = browse("GET", callback.substring(("http://localhost:" + port).length()));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(PROVIDER.pkceVerified.get()).as("the token request carried the right PKCE verifier").isEqualTo(pkce + 1);

        HttpResponse<String> me = browse("GET", "/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"name\":\"alice\"}");

        HttpResponse<String> feed = browse("GET", "/api/feed");
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.body()).isEqualTo("{\"member\":\"alice\",\"path\":\"/api/feed\"}");
        HttpResponse<String> post = browse("POST", "/api/communities");
        assertThat(post.body()).isEqualTo("{\"member\":\"alice\",\"path\":\"/api/communities\"}");
        synchronized (upstreamSaw) {
            assertThat(upstreamSaw).contains("Bearer " + PROVIDER.lastAccessToken);
        }

        for (HttpResponse<String> response : seenByTheBrowser) {
            assertThat(response.body() + response.headers().map()).as("the token stays on the server")
                    .doesNotContain(PROVIDER.lastAccessToken);
        }
        assertThat(cookies).containsOnlyKeys("PCSESSION");

        HttpResponse<String> logout = browse("POST", "/logout");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(browse("GET", "/me").statusCode()).isEqualTo(401);
        HttpResponse<String> after = browse("GET", "/api/feed");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void anotherPersonSignsInAsThemselves() throws Exception {
        PROVIDER.signInAs("dana");
        String authorize = browse("GET", "/oauth2/authorization/platform").headers().firstValue("Location").orElseThrow();
        String callback = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElseThrow();
        assertThat(browse("GET", callback.substring(("http://localhost:" + port).length())).statusCode()).isEqualTo(302);
        assertThat(browse("GET", "/api/analytics/communities").body()).contains("\"member\":\"dana\"");
    }

    @Test
    void securityHeadersOnThePagesAndTheApi() throws Exception {
        for (String path : List.of("/", "/app.js", "/me", "/api/feed")) {
            HttpResponse<String> response = browse("GET", path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }
        HttpResponse<String> tls = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tls.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
    }

    private HttpResponse<String> browse(String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (!method.equals("GET")) {
            request.header("X-Requested-With", "fetch");
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (cookie.contains("Max-Age=0")) {
                cookies.remove(pair.substring(0, eq));
            } else {
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        seenByTheBrowser.add(response);
        return response;
    }

    private static TestOidcProvider provider() {
        try {
            return new TestOidcProvider();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A service as the platform's are under prod: it verifies the bearer token and acts as its member_id. */
    private static HttpServer service() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(PROVIDER.jwksUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(PROVIDER.issuer()),
                    new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(TestOidcProvider.API_AUDIENCE))));
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                synchronized (upstreamSaw) {
                    upstreamSaw.add(authorization);
                }
                int status;
                String body;
                try {
                    Jwt jwt = decoder.decode(authorization.substring("Bearer ".length()));
                    status = 200;
                    body = "{\"member\":\"" + jwt.getClaimAsString("member_id") + "\",\"path\":\""
                            + exchange.getRequestURI().getPath() + "\"}";
                } catch (JwtException | NullPointerException | StringIndexOutOfBoundsException e) {
                    status = 401;
                    body = "{\"status\":401}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
