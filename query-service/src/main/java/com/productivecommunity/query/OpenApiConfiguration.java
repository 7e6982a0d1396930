package com.productivecommunity.query;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI queryServiceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("query-service").version("v1").description("""
                        What employees read: communities, feeds and contribution threads, built from the domain \
                        events. Reads are eventually consistent; send `X-Await-Position` (the `X-Event-Position` \
                        of a command-service response, comma-separated list allowed) to wait up to 5 s until \
                        that write is visible; the response then carries `X-Position-Reached: true|false`."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
