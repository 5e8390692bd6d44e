package org.follicle.system.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /api/v1/openapi.json: every operation takes a personal access token, says how it fails
 * (RFC 9457 problem details), and describes documents as binary of their own media type.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "application/problem+json";

    /** A closed list written as a pattern ({@code NO|YES|UNKNOWN}): a client generator wants an enum. */
    private static final Pattern CLOSED_LIST = Pattern.compile("\\(?([A-Z][A-Z0-9_]*(\\|[A-Z][A-Z0-9_]*)+)\\)?");

    /** How every operation may fail, beside its own answers. */
    private static final Map<String, String> FAILURES = Map.of(
            "400", "The request cannot be read, or a field is invalid (each named in errors)",
            "401", "No valid access token",
            "403", "The token's owner lacks the privilege in that clinic",
            "404", "No such record, or not one the caller may see",
            "422", "A rule refused it (the detail says which, in the caller's language)",
            "500", "Follicle could not finish the request; nothing already saved is lost");

    @Bean
    OpenAPI follicleApi() {
        return new OpenAPI()
                .info(new Info().title("Follicle API").version("v1")
                        .description("Clinic records for integrators. Authenticate with a personal access token "
                                + "(Account page) as 'Authorization: Bearer flc_...'. Errors are RFC 9457 problem "
                                + "details. Lists are paginated with page (from 0) and size (1 to 100). Updates "
                                + "need the record's ETag in If-Match: 428 without it, 412 when it is stale.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Personal access token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    @Bean
    OpenApiCustomizer problemsAndDocuments() {
        return api -> {
            api.getComponents().addSchemas("Problem", problem());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
                        : operation.getResponses();
                operation.setResponses(responses);
                responses.values().forEach(OpenApiConfiguration::documentsAsBinary);
                boolean ifMatch = ifMatch(operation);
                FAILURES.forEach((status, text) -> responses.putIfAbsent(status, failure(text)));
                if (ifMatch) {
                    responses.putIfAbsent("412", failure("The record changed since the ETag in If-Match"));
                    responses.putIfAbsent("428", failure("If-Match is missing: read the record and send its ETag"));
                }
            }));
            if (api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(OpenApiConfiguration::closedListsAsEnums);
            }
        };
    }

    /** The If-Match header, required where the operation takes it: updates refuse a change without it (428). */
    private static boolean ifMatch(Operation operation) {
        boolean found = false;
        for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of()
                : operation.getParameters()) {
            if ("header".equals(parameter.getIn()) && "If-Match".equalsIgnoreCase(parameter.getName())) {
                parameter.setRequired(true);
                parameter.setDescription("The ETag of the record as last read");
                found = true;
            }
        }
        return found;
    }

    /** A PDF, a CSV or an image is bytes of its media type (springdoc says base64 text); JSON says so. */
    private static void documentsAsBinary(ApiResponse response) {
        Content content = response.getContent();
        if (content == null) {
            return;
        }
        MediaType any = content.remove("*/*");
        if (any != null) {
            content.addMediaType("application/json", any);
        }
        content.forEach((type, media) -> {
            if (type.equals("application/pdf") || type.startsWith("text/csv") || type.startsWith("image/")) {
                media.setSchema(new StringSchema().format("binary"));
            }
        });
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void closedListsAsEnums(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.values().forEach(property -> {
            Schema target = property instanceof ArraySchema array ? array.getItems() : property;
            if (target != null && target.getPattern() != null) {
                var matcher = CLOSED_LIST.matcher(target.getPattern());
                if (matcher.matches()) {
                    target.setEnum(Arrays.asList(matcher.group(1).split("\\|")));
                    target.setPattern(null);
                }
            }
        });
    }

    private static ApiResponse failure(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    /** RFC 9457, with Follicle's list of the fields at fault. */
    private static Schema<?> problem() {
        ObjectSchema field = new ObjectSchema();
        field.addProperty("field", new StringSchema().example("birthDate"));
        field.addProperty("message", new StringSchema().example("The birth date cannot be in the future."));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri").example("about:blank"));
        problem.addProperty("title", new StringSchema().example("Unprocessable Content"));
        problem.addProperty("status", new IntegerSchema().example(422));
        problem.addProperty("detail", new StringSchema().example("The birth date cannot be in the future."));
        problem.addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/patients"));
        problem.addProperty("errors", new ArraySchema().items(field));
        return problem;
    }
}
