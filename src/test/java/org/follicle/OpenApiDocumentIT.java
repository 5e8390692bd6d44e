package org.follicle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as a client generator reads it: every operation says how it fails (problem details),
 * documents are binary of their own media type, closed lists are enums. Saved as target/openapi.json, which
 * {@code .ci/run} lints with Redocly CLI.
 */
@FollicleIntegrationTest
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    @Test
    void everyOperationSaysHowItFailsAndDocumentsAreBinary() throws Exception {
        Organisation org = fixture.organisation();
        String token = fixture.token(fixture.staff(org, "integrator", Map.of(org.paris(), Role.ADMIN)));
        HttpResponse<String> response = new Http(port).get("/api/v1/openapi.json", token);
        assertThat(response.statusCode()).isEqualTo(200);
        Files.writeString(Path.of("target", "openapi.json"), response.body());
        JsonNode document = JsonMapper.builder().build().readTree(response.body());

        List<String> withoutProblems = new ArrayList<>();
        List<String> textDocuments = new ArrayList<>();
        List<String> patternsForEnums = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = operation.getValue().path("responses");
            boolean problems = responses.properties().stream().anyMatch(r -> r.getKey().startsWith("4")
                    && r.getValue().path("content").has("application/problem+json"));
            if (!problems) {
                withoutProblems.add(name);
            }
            responses.properties().forEach(r -> r.getValue().path("content").properties().forEach(media -> {
                if ((media.getKey().equals("application/pdf") || media.getKey().startsWith("text/csv")
                        || media.getKey().startsWith("image/"))
                        && !"binary".equals(media.getValue().path("schema").path("format").asString(""))) {
                    textDocuments.add(name + " " + media.getKey());
                }
            }));
        }));
        document.path("components").path("schemas").properties().forEach(schema -> schema.getValue()
                .path("properties").properties().forEach(property -> {
                    String pattern = property.getValue().path("pattern").asString("");
                    if (pattern.matches("\\(?[A-Z_]+(\\|[A-Z_]+)+\\)?")) {
                        patternsForEnums.add(schema.getKey() + "." + property.getKey() + " " + pattern);
                    }
                }));
        assertThat(withoutProblems).as("operations without a problem+json answer").isEmpty();
        assertThat(textDocuments).as("documents not described as binary").isEmpty();
        assertThat(patternsForEnums).as("closed lists written as patterns").isEmpty();
    }
}
