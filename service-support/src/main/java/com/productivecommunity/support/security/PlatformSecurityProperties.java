package com.productivecommunity.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings of every service ({@code platform.security.*}). The token's issuer, JWKS, audiences
 * and algorithms are Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param jwt                 how a production JWT names the member, their roles and segments
 * @param cors                origins a browser client may call from (none by default: CORS closed)
 * @param credentialCacheSize how many successful Basic credential checks are remembered (0 = none)
 * @param scraper             the operations account (role OPERATOR) that reads metrics and detailed health
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(Jwt jwt, Cors cors, Integer credentialCacheSize, Scraper scraper) {

    public PlatformSecurityProperties {
        jwt = jwt == null ? new Jwt(null, null, null) : jwt;
        cors = cors == null ? new Cors(null) : cors;
        credentialCacheSize = credentialCacheSize == null ? 10_000 : credentialCacheSize;
        scraper = scraper == null ? new Scraper(null, null) : scraper;
    }

    /**
     * @param memberIdClaim the claim that is the member id. Default {@code sub}: the provider assigns it and
     *                      never lets anybody change it. {@code preferred_username} is no default, because a
     *                      provider may let a person rename themselves and so take over another member's
     *                      history; configure another claim only if the provider lets nobody but an
     *                      administrator change it (the compose realm's {@code member_id} attribute is such a one)
     * @param rolesClaim    the claim listing platform roles (a JSON array or a space-separated string)
     * @param segmentsClaim the claim listing the person's segments
     */
    public record Jwt(String memberIdClaim, String rolesClaim, String segmentsClaim) {
        public Jwt {
            memberIdClaim = blank(memberIdClaim) ? "sub" : memberIdClaim;
            rolesClaim = blank(rolesClaim) ? "roles" : rolesClaim;
            segmentsClaim = blank(segmentsClaim) ? "segments" : segmentsClaim;
        }
    }

    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /**
     * The scraper's HTTP Basic account for {@code /actuator/**}. Locally it defaults to
     * {@code prometheus}/{@code prometheus}; under {@code prod} there is none unless a password is configured
     * (then a bearer token with role OPERATOR is the other way in).
     */
    public record Scraper(String user, String password) {
        public Scraper {
            user = blank(user) ? "prometheus" : user;
            password = blank(password) ? null : password;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
