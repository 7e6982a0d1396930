package com.productivecommunity.support.security;

import com.productivecommunity.support.projection.AwaitPositionInterceptor;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service's security: {@code /api/**} needs an authenticated member, health/info/prometheus and
 * the OpenAPI description are open; stateless, no CSRF (no cookies, Basic or Bearer only). The default
 * profile logs in with HTTP Basic against the demo directory; profile {@code prod} is a JWT resource server.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableWebSecurity
public class PlatformSecurityAutoConfiguration {

    static final String REALM = "productive-community";

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
            cors.setAllowedHeaders(List.of("*"));
            cors.setExposedHeaders(List.of("X-Event-Position", AwaitPositionInterceptor.REACHED_HEADER, "Location"));
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/**", cors);
        }
        return source;
    }

    static HttpSecurity common(HttpSecurity http, PlatformSecurityProperties properties,
                               ProblemAuthenticationEntryPoint problems) throws Exception {
        return http
                .cors(c -> c.configurationSource(corsSource(properties)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/error").permitAll()
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        .anyRequest().permitAll());
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("!prod")
    static class DemoDirectorySecurity {

        @Bean
        AuthenticationProvider demoDirectoryAuthenticationProvider(PlatformSecurityProperties properties) {
            // BCrypt at its default cost; the cache below keeps it off the per-request path.
            BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
            DaoAuthenticationProvider dao = new DaoAuthenticationProvider(DemoDirectory.create(encoder));
            dao.setPasswordEncoder(encoder);
            return new CachingAuthenticationProvider(dao, properties.credentialCacheSize());
        }

        @Bean
        SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
                                                        AuthenticationProvider demoDirectoryAuthenticationProvider)
                throws Exception {
            ProblemAuthenticationEntryPoint problems =
                    new ProblemAuthenticationEntryPoint("Basic realm=\"" + REALM + "\"");
            return common(http, properties, problems)
                    .authenticationManager(new ProviderManager(demoDirectoryAuthenticationProvider))
                    .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("prod")
    static class JwtSecurity {

        @Bean
        SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties)
                throws Exception {
            ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint("Bearer");
            return common(http, properties, problems)
                    .httpBasic(basic -> basic.disable())
                    .oauth2ResourceServer(server -> server
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems)
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(memberConverter(properties.jwt()))))
                    .build();
        }

        static JwtAuthenticationConverter memberConverter(PlatformSecurityProperties.Jwt jwt) {
            JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
            roles.setAuthoritiesClaimName(jwt.rolesClaim());
            roles.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setPrincipalClaimName(jwt.memberIdClaim());
            converter.setJwtGrantedAuthoritiesConverter(roles);
            return converter;
        }
    }
}
