package com.productivecommunity.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Problem details for every failure, strict JSON request bodies ({@link StrictJson}), canonical UUIDs in
 * paths and parameters ({@link Ids}), the request body limit (64 KiB unless
 * {@code platform.web.max-body-size} says otherwise) and the per-member limits ({@link PlatformLimitsProperties}).
 */
@AutoConfiguration(before = {ErrorMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class},
        after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({PlatformWebProperties.class, PlatformLimitsProperties.class})
public class PlatformWebAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Replaces Boot's BasicErrorController: the error page is problem details too. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Replaces Boot's JSON converter (same configuration otherwise: output is unchanged). */
    @Bean
    MappingJackson2HttpMessageConverter strictJsonHttpMessageConverter(Jackson2ObjectMapperBuilder builder) {
        return new MappingJackson2HttpMessageConverter(StrictJson.mapper(builder));
    }

    @Bean
    Ids.Binding canonicalUuids() {
        return new Ids.Binding();
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(PlatformWebProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize().toBytes()));
        // Before security (-100): an oversize body is refused before anybody's password is checked.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MemberLimitsFilter> memberLimitsFilter(PlatformLimitsProperties limits) {
        FilterRegistrationBean<MemberLimitsFilter> registration = new FilterRegistrationBean<>(new MemberLimitsFilter(limits));
        // Right after security (-100), inside it: the authenticated member is known.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
