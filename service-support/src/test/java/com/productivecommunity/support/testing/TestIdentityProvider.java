package com.productivecommunity.support.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An identity provider for tests: an RSA key pair made here, its public half served as a JWKS with an
 * OpenID discovery document on a local HTTP server, and RS256 tokens signed with it (plus the forgeries a
 * service must refuse: unsigned, signed by another key, HMAC with the public key as secret).
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String AUDIENCE = "productive-community-api";

    private final RSAKey key = rsa("test-key-" + UUID.randomUUID());
    private final RSAKey otherKey = rsa("other-key");
    private final HttpServer server;
    private final String issuer;

    public TestIdentityProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> respond(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri() + "\",\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/realms/test/jwks", exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return issuer + "/jwks";
    }

    /** A valid RS256 access token for the member: subject, audience, five minutes of validity, roles and segments. */
    public String token(String subject, List<String> roles, List<String> segments) {
        return signed(claims -> claims.subject(subject).claim("roles", roles).claim("segments", segments));
    }

    /** A valid token, then whatever {@code change} does to its claims. */
    public String signed(Consumer<JWTClaimsSet.Builder> change) {
        return sign(claims(change), key, JWSAlgorithm.RS256);
    }

    public String signedByAnotherKey(String subject) {
        return sign(claims(c -> c.subject(subject)), otherKey, JWSAlgorithm.RS256);
    }

    public String unsigned(String subject) {
        return new PlainJWT(claims(c -> c.subject(subject))).serialize();
    }

    /** The classic confusion attack: HS256 with the provider's public key as the shared secret. */
    public String hmacWithThePublicKey(String subject) {
        try {
            JWSSigner signer = new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded());
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims(c -> c.subject(subject)));
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A well signed token whose payload was replaced afterwards (the signature no longer matches). */
    public String tampered(String subject, String newSubject) {
        String[] parts = token(subject, List.of(), List.of()).split("\\.");
        String payload = claims(c -> c.subject(newSubject).claim("roles", List.of("ANALYST"))).toString();
        return parts[0] + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
        change.accept(claims);
        return claims.build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, JWSAlgorithm algorithm) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key.toRSAPrivateKey()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Properties for a service under profile prod that trusts this provider (discovery through the issuer). */
    public Map<String, String> serviceProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer,
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
