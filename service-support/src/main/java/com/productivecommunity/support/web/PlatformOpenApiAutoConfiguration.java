package com.productivecommunity.support.web;

import com.productivecommunity.support.security.Member;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Every service's OpenAPI description (when the service has springdoc): titled with
 * {@code spring.application.name}, described by {@code platform.openapi.description}, with the two ways to
 * authenticate (HTTP Basic locally, a bearer JWT in production). The acting {@link Member} is a resolved
 * argument, never a request parameter, so it is left out of every operation.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, SpringDocUtils.class})
@EnableConfigurationProperties(PlatformOpenApiAutoConfiguration.OpenApiProperties.class)
public class PlatformOpenApiAutoConfiguration {

    static {
        // The acting member comes from the login, never from the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Member.class);
    }

    /** What the service's description says about it, after its name. */
    @ConfigurationProperties("platform.openapi")
    public record OpenApiProperties(String description) {
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI platformOpenApi(@Value("${spring.application.name:service}") String name, OpenApiProperties properties) {
        String description = properties.description() == null ? "" : properties.description().strip() + " ";
        return new OpenAPI()
                .info(new Info().title(name).version("v1")
                        .description(description + "Errors are application/problem+json."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
