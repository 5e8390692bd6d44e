package org.follicle.diagnosis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scalp sites and the diagnosis categories with their codes, from knowledge/. */
@Component
class DiagnosisKnowledge {

    private final List<String> sites = new ArrayList<>();

    private final Map<String, Category> categories = new LinkedHashMap<>();

    DiagnosisKnowledge() {
        JsonMapper json = JsonMapper.builder().build();
        read(json, "knowledge/scalp-sites.json").path("sites").forEach(site -> sites.add(site.asString()));
        for (JsonNode c : read(json, "knowledge/diagnoses.json").path("categories")) {
            String id = c.path("id").asString();
            categories.put(id, new Category(id, text(c, "icd10"), text(c, "snomed")));
        }
        if (sites.isEmpty() || categories.isEmpty()) {
            throw new IllegalStateException("knowledge/scalp-sites.json and knowledge/diagnoses.json must not be empty");
        }
    }

    List<String> sites() {
        return List.copyOf(sites);
    }

    List<Category> categories() {
        return List.copyOf(categories.values());
    }

    Category category(String id) {
        return categories.get(id);
    }

    /** A diagnosis category and its codes; {@code null} where the knowledge base gives none. */
    record Category(String id, String icd10, String snomed) {
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static JsonNode read(JsonMapper json, String resource) {
        try (InputStream in = DiagnosisKnowledge.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return json.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
