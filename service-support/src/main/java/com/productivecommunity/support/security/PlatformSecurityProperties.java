package com.productivecommunity.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings of every service ({@code platform.security.*}).
 *
 * @param jwt                how a production JWT names the member and their roles
 * @param cors               origins a browser client may call from (none by default)
 * @param credentialCacheSize how many successful Basic credential checks are remembered (0 = none)
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(Jwt jwt, Cors cors, Integer credentialCacheSize) {

    public PlatformSecurityProperties {
        jwt = jwt == null ? new Jwt(null, null) : jwt;
        cors = cors == null ? new Cors(null) : cors;
        credentialCacheSize = credentialCacheSize == null ? 10_000 : credentialCacheSize;
    }

    public record Jwt(String memberIdClaim, String rolesClaim) {
        public Jwt {
            memberIdClaim = memberIdClaim == null ? "preferred_username" : memberIdClaim;
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        }
    }

    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }
}
