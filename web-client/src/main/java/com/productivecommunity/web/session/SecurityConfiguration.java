package com.productivecommunity.web.session;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpStatus;

/**
 * Locally, Spring Security stays out of the way: {@link SessionLogin} checks the demo directory and keeps the
 * credential in the session. Under {@code prod}, people sign in at the organization's identity provider
 * (OIDC authorization code) and the gateway relays their access token ({@link OidcSession}).
 * In both, CSRF is {@link RequestedWithFilter}'s custom-header check.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    @Profile("!prod")
    SecurityFilterChain demoDirectory(HttpSecurity http) throws Exception {
        return http
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
    SecurityFilterChain identityProvider(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/index.html", "/app.css", "/*.js", "/webjars/**", "/favicon.ico",
                                "/me", "/logout", "/actuator/health", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage(OidcSession.LOGIN_URL))
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
