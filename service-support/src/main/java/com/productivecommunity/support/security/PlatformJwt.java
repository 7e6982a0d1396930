package com.productivecommunity.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.util.StringUtils;

/**
 * The {@code prod} profile's bearer tokens: signed (only the configured asymmetric algorithms, keys from
 * the provider's JWKS, so {@code alg: none} and HMAC tokens are refused), issued by the configured issuer
 * for one of the configured audiences, with an expiry that has not passed and a not-before that has, a
 * subject and a member id. Any failure is a 401.
 */
final class PlatformJwt {

    private PlatformJwt() {
    }

    /**
     * The decoder, built on first use so that a service starts while the provider is still starting; the
     * JWKS comes from {@code jwk-set-uri} when set, otherwise from the issuer's discovery document.
     */
    static JwtDecoder decoder(OAuth2ResourceServerProperties.Jwt jwt, PlatformSecurityProperties.Jwt claims) {
        String issuer = jwt.getIssuerUri();
        List<String> audiences = jwt.getAudiences();
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException("Profile prod needs spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "(SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI): the identity provider whose tokens are trusted");
        }
        if (audiences == null || audiences.isEmpty()) {
            throw new IllegalStateException("Profile prod needs spring.security.oauth2.resourceserver.jwt.audiences "
                    + "(SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES): without it a token the provider issued "
                    + "to any other application would be accepted");
        }
        List<SignatureAlgorithm> algorithms = jwt.getJwsAlgorithms().stream().map(name -> {
            SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
            if (algorithm == null) {
                throw new IllegalStateException("Unsupported jws-algorithm " + name + " (asymmetric ones only: RS256, ES256, PS256...)");
            }
            return algorithm;
        }).toList();
        OAuth2TokenValidator<Jwt> validator = validator(issuer, audiences, claims.memberIdClaim());
        String jwkSetUri = jwt.getJwkSetUri();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (StringUtils.hasText(jwkSetUri)
                    ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithms(list -> list.addAll(algorithms))
                    : NimbusJwtDecoder.withIssuerLocation(issuer).jwsAlgorithms(list -> list.addAll(algorithms)))
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, Collection<String> audiences, String memberIdClaim) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        validators.add(new JwtIssuerValidator(issuer));
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && !Collections.disjoint(aud, audiences)));
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.SUB, PlatformJwt::present));
        if (!JwtClaimNames.SUB.equals(memberIdClaim)) {
            validators.add(new JwtClaimValidator<Object>(memberIdClaim, PlatformJwt::present));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static boolean present(Object claim) {
        return claim instanceof String text && !text.isBlank();
    }

    /** The member from the configured claims: id, roles as {@code ROLE_*}, segments as {@code SEGMENT_*}. */
    static Converter<Jwt, AbstractAuthenticationToken> memberConverter(PlatformSecurityProperties.Jwt claims) {
        JwtGrantedAuthoritiesConverter roles = authorities(claims.rolesClaim(), MemberArgumentResolver.ROLE_PREFIX);
        JwtGrantedAuthoritiesConverter segments = authorities(claims.segmentsClaim(), MemberArgumentResolver.SEGMENT_PREFIX);
        return token -> {
            List<GrantedAuthority> authorities = new ArrayList<>(roles.convert(token));
            authorities.addAll(segments.convert(token));
            return new JwtAuthenticationToken(token, authorities, token.getClaimAsString(claims.memberIdClaim()));
        };
    }

    private static JwtGrantedAuthoritiesConverter authorities(String claim, String prefix) {
        JwtGrantedAuthoritiesConverter converter = new JwtGrantedAuthoritiesConverter();
        converter.setAuthoritiesClaimName(claim);
        converter.setAuthorityPrefix(prefix);
        return converter;
    }
}
