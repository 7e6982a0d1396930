package com.productivecommunity.web.session;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Locally, Spring Security stays out of the way: {@link SessionLogin} checks the demo directory and keeps the
 * credential in the session. Under {@code prod}, people sign in at the organization's identity provider
 * (OIDC authorization code with PKCE) and the gateway relays their access token ({@link OidcSession}).
 * In both, CSRF is {@link RequestedWithFilter}'s custom-header check, every response carries the security
 * headers of {@link #headers}, and no CORS is answered (everything is same-origin).
 */
@Configuration
class SecurityConfiguration {

    /**
     * Scripts, styles, images and calls from this origin only: no inline script or style (the pages have
     * none), no eval, no plugins, never framed. {@code img-src data:} serves the browser's own form icons.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                // Sent on HTTPS requests only (under prod behind the TLS proxy: X-Forwarded-Proto).
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .cors(AbstractHttpConfigurer::disable);
    }

    @Bean
    @Profile("!prod")
    SecurityFilterChain demoDirectory(HttpSecurity http) throws Exception {
        return headers(http)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Profile("prod")
    SecurityFilterChain identityProvider(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        // PKCE (S256) even though the client is confidential: a stolen authorization code is useless without the verifier.
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return headers(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/index.html", "/app.css", "/*.js", "/webjars/**", "/favicon.ico",
                                "/me", "/logout", "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage(OidcSession.LOGIN_URL)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver)))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        (request, response, e) -> problem(response),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    private static void problem(HttpServletResponse response) throws java.io.IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":401,"
                + "\"detail\":\"You are not signed in (or your session has ended). Please sign in again.\"}");
    }
}
