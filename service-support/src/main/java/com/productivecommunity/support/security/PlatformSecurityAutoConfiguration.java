package com.productivecommunity.support.security;

import com.productivecommunity.support.projection.AwaitPositionInterceptor;
import com.productivecommunity.support.projection.EventPosition;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service's security, in two filter chains. {@code /actuator/**}: plain health, liveness and
 * readiness are open (status only); metrics, info and detailed health need role OPERATOR (the scraper's
 * Basic account, or under {@code prod} a bearer token with that role). Everything else: {@code /api/**}
 * and any unknown path need an authenticated member, the OpenAPI description is open; stateless, no CSRF
 * (no cookies, Basic or Bearer only). The default profile logs members in with HTTP Basic against the demo
 * directory; profile {@code prod} is a JWT resource server ({@link PlatformJwt}). Both send the security
 * headers of {@link #headers} on every response and answer CORS only for configured origins.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({PlatformSecurityProperties.class, OAuth2ResourceServerProperties.class})
@EnableWebSecurity
public class PlatformSecurityAutoConfiguration {

    static final String REALM = "productive-community";
    /** The JSON API and the actuator: nothing may load, frame or be framed. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI's own page: its scripts, styles and images from this origin only. */
    static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String[] PUBLIC_HEALTH = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    @Bean
    WebMvcConfigurer memberArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new MemberArgumentResolver());
            }
        };
    }

    static CorsConfigurationSource corsSource(PlatformSecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.cors().allowedOrigins();
        if (!origins.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", AwaitPositionInterceptor.AWAIT_HEADER,
                    "Last-Event-ID"));
            cors.setExposedHeaders(List.of(EventPosition.HEADER, AwaitPositionInterceptor.REACHED_HEADER, "Location",
                    "Retry-After"));
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    /** nosniff, DENY framing, no-store caching, no referrer, a CSP per path, and HSTS on HTTPS requests. */
    static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentTypeOptions(options -> { })
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .addHeaderWriter((request, response) -> {
                    String path = request.getRequestURI();
                    response.setHeader("Content-Security-Policy",
                            path.startsWith("/swagger-ui") || path.startsWith("/webjars/swagger-ui") ? DOCS_POLICY : API_POLICY);
                }));
    }

    static HttpSecurity stateless(HttpSecurity http, PlatformSecurityProperties properties,
                                  ProblemAuthenticationEntryPoint problems) throws Exception {
        return headers(http)
                .cors(c -> c.configurationSource(corsSource(properties)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(a -> { })
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    static HttpSecurity management(HttpSecurity http, PlatformSecurityProperties properties,
                                   ProblemAuthenticationEntryPoint problems) throws Exception {
        return stateless(http.securityMatcher("/actuator/**"), properties, problems)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PUBLIC_HEALTH).permitAll()
                        .anyRequest().hasRole(Member.OPERATOR));
    }

    static HttpSecurity api(HttpSecurity http, PlatformSecurityProperties properties,
                            ProblemAuthenticationEntryPoint problems) throws Exception {
        return stateless(http, properties, problems)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/webjars/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated());
    }

    /** The scraper's single Basic account (role OPERATOR), or null when none is configured. */
    static AuthenticationProvider scraper(PlatformSecurityProperties.Scraper scraper, String defaultPassword) {
        String password = scraper.password() != null ? scraper.password() : defaultPassword;
        if (password == null) {
            return null;
        }
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername(scraper.user()).password(encoder.encode(password)).roles(Member.OPERATOR).build()));
        dao.setPasswordEncoder(encoder);
        return new CachingAuthenticationProvider(dao, 16);
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("!prod")
    static class DemoDirectorySecurity {

        private final ProblemAuthenticationEntryPoint problems =
                new ProblemAuthenticationEntryPoint("Basic realm=\"" + REALM + "\"");

        @Bean
        AuthenticationProvider demoDirectoryAuthenticationProvider(PlatformSecurityProperties properties) {
            // BCrypt at its default cost; the cache below keeps it off the per-request path.
            BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
            DaoAuthenticationProvider dao = new DaoAuthenticationProvider(DemoDirectory.create(encoder));
            dao.setPasswordEncoder(encoder);
            return new CachingAuthenticationProvider(dao, properties.credentialCacheSize());
        }

        @Bean
        @Order(1)
        SecurityFilterChain platformManagementFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
                AuthenticationProvider demoDirectoryAuthenticationProvider) throws Exception {
            // People sign in here too (and are refused metrics with a 403); the scraper is unknown to the API chain.
            return management(http, properties, problems)
                    .authenticationManager(new ProviderManager(scraper(properties.scraper(), "prometheus"),
                            demoDirectoryAuthenticationProvider))
                    .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems))
                    .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
                                                        AuthenticationProvider demoDirectoryAuthenticationProvider)
                throws Exception {
            return api(http, properties, problems)
                    .authenticationManager(new ProviderManager(demoDirectoryAuthenticationProvider))
                    .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("prod")
    static class JwtSecurity {

        private final ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint("Bearer");

        @Bean
        JwtDecoder platformJwtDecoder(OAuth2ResourceServerProperties resourceServer, PlatformSecurityProperties properties) {
            return PlatformJwt.decoder(resourceServer.getJwt(), properties.jwt());
        }

        @Bean
        @Order(1)
        SecurityFilterChain platformManagementFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
                                                          JwtDecoder platformJwtDecoder) throws Exception {
            AuthenticationManager tokens = tokens(platformJwtDecoder, properties);
            AuthenticationProvider scraper = scraper(properties.scraper(), null);
            management(http, properties, problems).oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.authenticationManager(tokens)));
            if (scraper == null) {
                http.httpBasic(basic -> basic.disable());
            } else {
                http.authenticationManager(new ProviderManager(scraper))
                        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems));
            }
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
                                                        JwtDecoder platformJwtDecoder) throws Exception {
            AuthenticationManager tokens = tokens(platformJwtDecoder, properties);
            return api(http, properties, problems)
                    .httpBasic(basic -> basic.disable())
                    .oauth2ResourceServer(server -> server
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems)
                            .jwt(jwt -> jwt.authenticationManager(tokens)))
                    .build();
        }

        private static AuthenticationManager tokens(JwtDecoder decoder, PlatformSecurityProperties properties) {
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
            provider.setJwtAuthenticationConverter(PlatformJwt.memberConverter(properties.jwt()));
            return new ProviderManager(provider);
        }
    }
}
