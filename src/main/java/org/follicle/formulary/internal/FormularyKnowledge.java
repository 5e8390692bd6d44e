package org.follicle.formulary.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.follicle.intake.Modality;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped ingredient library and cocktail templates (knowledge/ingredients.json,
 * knowledge/formula-templates.json), read and checked at start: an ingredient that does not validate, or a
 * template naming an unknown ingredient, stops the application rather than mislead a clinician.
 */
@Component
class FormularyKnowledge {

    static final String INGREDIENTS = "knowledge/ingredients.json";

    static final String TEMPLATES = "knowledge/formula-templates.json";

    private final String version;

    private final List<IngredientData> ingredients;

    private final List<Template> templates;

    FormularyKnowledge(JsonMapper json, Validator validator, org.follicle.intake.Screening screening) {
        JsonNode library = read(json, INGREDIENTS);
        version = library.path("version").asString();
        List<IngredientData> list = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (JsonNode node : library.path("ingredients")) {
            IngredientData data = json.treeToValue(node, IngredientData.class);
            Set<ConstraintViolation<IngredientData>> problems = validator.validate(data);
            if (!problems.isEmpty() || !codes.add(data.code()) || data.sources().isEmpty()) {
                throw new IllegalStateException(INGREDIENTS + ": ingredient " + data.code()
                        + " is invalid, repeated or without a source " + problems);
            }
            screening.problemIn(data.rules()).ifPresent(problem -> {
                throw new IllegalStateException(INGREDIENTS + ": ingredient " + data.code() + ": " + problem);
            });
            list.add(data);
        }
        ingredients = List.copyOf(list);
        List<Template> shipped = new ArrayList<>();
        for (JsonNode t : read(json, TEMPLATES).path("templates")) {
            Map<String, String> names = new LinkedHashMap<>();
            t.path("name").properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
            List<FormulaInput.Component> parts = new ArrayList<>();
            for (JsonNode c : t.path("ingredients")) {
                if (!codes.contains(c.path("code").asString())) {
                    throw new IllegalStateException(TEMPLATES + ": unknown ingredient " + c.path("code").asString());
                }
                parts.add(new FormulaInput.Component(c.path("code").asString(),
                        c.has("concentration") ? new BigDecimal(c.path("concentration").asString()) : null,
                        c.has("unit") ? c.path("unit").asString() : null));
            }
            if (!names.keySet().containsAll(List.of("en", "fr", "es")) || t.path("source").asString("").isBlank()) {
                throw new IllegalStateException(TEMPLATES + ": template " + t.path("code").asString()
                        + " needs a name in every language and a source");
            }
            shipped.add(new Template(t.path("code").asString(), Map.copyOf(names),
                    new FormulaInput(names.get("en"), Indication.valueOf(t.path("indication").asString()),
                            Modality.valueOf(t.path("modality").asString()),
                            new BigDecimal(t.path("volumeMl").asString()),
                            Technique.valueOf(t.path("technique").asString()), null, List.copyOf(parts)),
                    t.path("source").asString()));
        }
        templates = List.copyOf(shipped);
    }

    String version() {
        return version;
    }

    List<IngredientData> ingredients() {
        return ingredients;
    }

    List<Template> templates() {
        return templates;
    }

    /** A shipped template's name in a language, or {@code null} for an organisation's own template. */
    public String templateName(String code, Locale locale) {
        return templates.stream().filter(t -> t.code().equals(code)).findFirst()
                .map(t -> t.names().getOrDefault(locale.getLanguage(), t.names().get("en"))).orElse(null);
    }

    private static JsonNode read(JsonMapper json, String resource) {
        try (InputStream in = FormularyKnowledge.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return json.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Template(String code, Map<String, String> names, FormulaInput formula, String source) {
    }
}
