package com.productivecommunity.web;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal OpenID provider for the web client's sign-in test, issuing real RS256 tokens: discovery,
 * authorization (the person "signs in" as whoever {@link #signInAs} names, as a person would by typing their
 * password there), the token endpoint (client secret, redirect URI and the PKCE S256 verifier checked, each
 * code used once), userinfo and the JWKS.
 */
final class TestOidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "pc-web";
    static final String CLIENT_SECRET = "web-secret";
    static final String API_AUDIENCE = "productive-community-api";

    private record Grant(String user, String redirectUri, String nonce, String challenge) {
    }

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> subjects = new ConcurrentHashMap<>();
    private volatile String user = "alice";
    final AtomicInteger pkceVerified = new AtomicInteger();
    final AtomicInteger tokensIssued = new AtomicInteger();
    volatile String lastAccessToken;

    TestOidcProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("web-test-key").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/pc";
        server.createContext("/realms/pc/.well-known/openid-configuration", exchange -> json(exchange, 200, discovery()));
        server.createContext("/realms/pc/authorize", this::authorize);
        server.createContext("/realms/pc/token", this::token);
        server.createContext("/realms/pc/userinfo", this::userinfo);
        server.createContext("/realms/pc/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    String issuer() {
        return issuer;
    }

    String jwksUri() {
        return issuer + "/jwks";
    }

    void signInAs(String person) {
        this.user = person;
    }

    /** The provider's own id for a person: a UUID, as Keycloak's are; the member id travels in member_id. */
    String subjectOf(String person) {
        return subjects.computeIfAbsent(person, p -> UUID.nameUUIDFromBytes(p.getBytes(StandardCharsets.UTF_8)).toString());
    }

    private String discovery() {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\",\"userinfo_endpoint\":\"" + issuer + "/userinfo\","
                + "\"jwks_uri\":\"" + jwksUri() + "\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"]}";
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
            json(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(user, query.get("redirect_uri"), query.get("nonce"), query.get("code_challenge")));
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(String.valueOf(form.get("code")));
        if (!"authorization_code".equals(form.get("grant_type")) || grant == null
                || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        if (form.get("code_verifier") == null || !s256(form.get("code_verifier")).equals(grant.challenge())) {
            json(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
            return;
        }
        pkceVerified.incrementAndGet();
        String access = sign(claims(grant.user()).audience(API_AUDIENCE).claim("scope", "openid profile")
                .claim("roles", grant.user().equals("dana") ? List.of("ANALYST") : List.of()).build());
        String id = sign(claims(grant.user()).audience(CLIENT_ID).claim("nonce", grant.nonce())
                .claim("preferred_username", grant.user()).build());
        lastAccessToken = access;
        tokensIssued.incrementAndGet();
        json(exchange, 200, "{\"access_token\":\"" + access + "\",\"id_token\":\"" + id + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300,\"scope\":\"openid profile\"}");
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String person = null;
        if (authorization != null && authorization.startsWith("Bearer ")) {
            try {
                SignedJWT jwt = SignedJWT.parse(authorization.substring(7));
                if (jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()))) {
                    person = jwt.getJWTClaimsSet().getStringClaim("member_id");
                }
            } catch (Exception e) {
                person = null;
            }
        }
        if (person == null) {
            json(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        json(exchange, 200, "{\"sub\":\"" + subjectOf(person) + "\",\"member_id\":\"" + person
                + "\",\"preferred_username\":\"" + person + "\"}");
    }

    private JWTClaimsSet.Builder claims(String person) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subjectOf(person)).claim("member_id", person)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
