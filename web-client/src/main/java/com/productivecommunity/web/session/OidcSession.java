package com.productivecommunity.web.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Production sign-in: the person signs in at the identity provider (registration {@code platform}); the gateway
 * sends the services the session's access token (refreshed when needed), which they verify as a JWT.
 */
@RestController
@Profile("prod")
class OidcSession implements UpstreamCredentials {

    static final String LOGIN_URL = "/oauth2/authorization/platform";

    private final OAuth2AuthorizedClientManager clients;
    private final String memberIdClaim;

    OidcSession(OAuth2AuthorizedClientManager clients,
            @Value("${platform.security.jwt.member-id-claim:sub}") String memberIdClaim) {
        this.clients = clients;
        this.memberIdClaim = memberIdClaim;
    }

    @GetMapping("/me")
    ResponseEntity<?> me() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken token) {
            Object name = token.getPrincipal().getAttributes().getOrDefault(memberIdClaim, token.getName());
            return ResponseEntity.ok(Map.of("name", String.valueOf(name)));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Please sign in.");
        problem.setProperty("loginUrl", LOGIN_URL);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    @Override
    public Optional<String> authorization(HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken token)) {
            return Optional.empty();
        }
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest
                .withClientRegistrationId(token.getAuthorizedClientRegistrationId())
                .principal(authentication)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build());
        return client == null ? Optional.empty() : Optional.of("Bearer " + client.getAccessToken().getTokenValue());
    }
}
