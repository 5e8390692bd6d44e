package org.follicle.system.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /api/v1/openapi.json: every operation takes a personal access token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI follicleApi() {
        return new OpenAPI()
                .info(new Info().title("Follicle API").version("v1")
                        .description("Clinic records for integrators. Authenticate with a personal access token "
                                + "(Account page) as 'Authorization: Bearer flc_...'. Errors are RFC 9457 problem "
                                + "details. Lists are paginated with page (from 0) and size (1 to 100). Updates "
                                + "need the record's ETag in If-Match: 428 without it, 412 when it is stale.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Personal access token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
