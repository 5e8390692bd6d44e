package org.follicle.formulary.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.JsonNode;

/**
 * An ingredient as data, in the shape of knowledge/ingredients.json: what the library ships and what an admin
 * edits.
 *
 * @param translations its name in French and Spanish, by language
 * @param rules contraindications and cautions in the screening rules' format (a JSON list)
 * @param usualConcentration only where a source gives one
 */
record IngredientData(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code,
        @NotBlank @Size(max = 120) String name, Map<String, @NotBlank @Size(max = 120) String> translations,
        List<@NotBlank @Size(max = 120) String> synonyms,
        @NotNull IngredientClass ingredientClass,
        List<@Pattern(regexp = "[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}", message = "{ingredient.atcInvalid}") String> atcCodes,
        @Valid Concentration usualConcentration, JsonNode rules, List<@Valid RegulatoryAlert> regulatory,
        List<@NotBlank @Size(max = 500) String> sources) {

    IngredientData {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        atcCodes = atcCodes == null ? List.of() : List.copyOf(atcCodes);
        regulatory = regulatory == null ? List.of() : List.copyOf(regulatory);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Every name the ingredient goes by: its name in each language, its code as words, its synonyms. */
    List<String> names() {
        List<String> names = new java.util.ArrayList<>(List.of(name, code.replace('_', ' ')));
        names.addAll(translations.values());
        names.addAll(synonyms);
        return names;
    }

    /** Its name in the language, or in English where the library gives none. */
    public String name(java.util.Locale locale) {
        return translations.getOrDefault(locale.getLanguage(), name);
    }

    /** The alerts for a jurisdiction, such as "EU". */
    List<RegulatoryAlert> alertsIn(String jurisdiction) {
        return regulatory.stream().filter(a -> a.jurisdiction().equals(jurisdiction)).toList();
    }

    /** Whether a regulatory alert in the jurisdiction keeps the ingredient out of any formula. */
    boolean blockedIn(String jurisdiction) {
        return alertsIn(jurisdiction).stream().anyMatch(RegulatoryAlert::blocksActiveFormula);
    }

    record Concentration(@NotNull @Positive BigDecimal value, @NotBlank @Size(max = 10) String unit,
            @Size(max = 500) String source) {
    }

    record RegulatoryAlert(@NotBlank @Pattern(regexp = "[A-Z]{2,8}") String jurisdiction,
            @NotBlank @Size(max = 30) String status, boolean blocksActiveFormula,
            @NotNull Map<String, String> message, @NotBlank @Size(max = 500) String source) {

        public String message(Locale locale) {
            return message.getOrDefault(locale.getLanguage(), message.get("en"));
        }
    }
}
