package org.follicle.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.follicle.intake.ConsentType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consent texts (knowledge/consent/), the current version of each type in English, French and Spanish.
 * A missing translation stops Follicle at start: a patient must be able to read what they sign.
 */
@Component
class ConsentDocuments {

    private final Map<ConsentType, Integer> versions = new EnumMap<>(ConsentType.class);

    private final Map<String, String> texts = new HashMap<>();

    ConsentDocuments() {
        JsonNode index = JsonMapper.builder().build().readTree(read("knowledge/consent/documents.json"));
        for (JsonNode document : index.path("documents")) {
            ConsentType type = ConsentType.valueOf(document.path("type").asString());
            int version = document.path("version").asInt();
            versions.put(type, version);
            for (String language : KnowledgeLoader.LANGUAGES) {
                texts.put(key(type, version, language),
                        read("knowledge/consent/" + type + "-v" + version + "." + language + ".html"));
            }
        }
        for (ConsentType type : ConsentType.values()) {
            if (!versions.containsKey(type)) {
                throw new IllegalStateException("knowledge/consent/documents.json has no document for " + type);
            }
        }
    }

    int currentVersion(ConsentType type) {
        return versions.get(type);
    }

    /** The text of a version in a language (HTML written by the clinic, not by users). */
    String text(ConsentType type, int version, String language) {
        String text = texts.get(key(type, version, language));
        if (text == null) {
            throw new IllegalArgumentException("no consent text " + key(type, version, language));
        }
        return text;
    }

    private static String key(ConsentType type, int version, String language) {
        return type + "-v" + version + "." + language;
    }

    private static String read(String resource) {
        try (InputStream in = ConsentDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
