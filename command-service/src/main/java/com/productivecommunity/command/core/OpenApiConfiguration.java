package com.productivecommunity.command.core;

import com.productivecommunity.support.security.Member;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // The acting member comes from the login, never from the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Member.class);
    }

    @Bean
    OpenAPI commandServiceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("command-service").version("v1")
                        .description("Commands of the Productive Community platform. Every successful response carries "
                                + "X-Event-Position: <aggregateId>:<sequence>. Errors are application/problem+json."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
