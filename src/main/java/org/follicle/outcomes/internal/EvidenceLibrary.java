package org.follicle.outcomes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published figures a patient's progress is shown beside (knowledge/evidence.json), checked at start: a figure
 * without a source, a strength, or a text in each language stops Follicle rather than show an unsourced claim.
 */
@Component
class EvidenceLibrary {

    private final List<Figure> figures;

    EvidenceLibrary(JsonMapper json) {
        this.figures = load(json, "knowledge/evidence.json");
    }

    List<Figure> figures() {
        return figures;
    }

    /** The figures for a modality and measure, strongest evidence first. */
    List<Figure> about(String modality, String measure) {
        return figures.stream().filter(f -> f.modality().equals(modality) && f.measure().equals(measure))
                .sorted(java.util.Comparator.comparing(Figure::strength)).toList();
    }

    static List<Figure> load(JsonMapper json, String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            JsonNode root = json.readTree(in);
            List<Figure> list = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode node : root.path("figures")) {
                Figure f = json.treeToValue(node, Figure.class);
                String problem = f.problem();
                if (problem == null && !ids.add(f.id())) {
                    problem = "duplicate id";
                }
                if (problem != null) {
                    throw new IllegalStateException(resource + ", " + f.id() + ": " + problem);
                }
                list.add(f);
            }
            return List.copyOf(list);
        }
        catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read", e);
        }
    }

    /** How strong the evidence behind a figure is, strongest first. */
    enum Strength {
        META_ANALYSIS, RCT, META_ANALYSIS_LOW_CERTAINTY, SYSTEMATIC_REVIEW, REAL_WORLD, CLINIC_CLAIM
    }

    /**
     * One published figure.
     *
     * @param value the figure, or {@code null} when the finding is that there was no significant change
     * @param months when it was measured after the start, if the source says
     * @param sexes the sexes it was measured in, when only one
     * @param reference the publication behind a numbered source, as a patient's document lists it
     */
    record Figure(String id, String modality, String measure, String unit, BigDecimal value, Integer months,
            String population, Strength strength, String source, Map<String, String> texts,
            java.util.List<org.follicle.patients.Sex> sexes, String reference) {

        /** Whether to quote it to a patient: measured in patients of their sex, or in both, or the sex unknown. */
        boolean fits(org.follicle.patients.Sex sex) {
            return sexes == null || sexes.isEmpty() || sexes.contains(sex)
                    || (sex != org.follicle.patients.Sex.MALE && sex != org.follicle.patients.Sex.FEMALE);
        }

        String problem() {
            if (id == null || modality == null || measure == null || unit == null || population == null) {
                return "id, modality, measure, unit and population are required";
            }
            if (strength == null) {
                return "a strength is required";
            }
            if (source == null || source.isBlank()) {
                return "a source is required";
            }
            if (strength != Strength.CLINIC_CLAIM && (reference == null || reference.isBlank())) {
                return "a study needs its reference";
            }
            if (texts == null || !texts.keySet().containsAll(Set.of("en", "fr", "es"))) {
                return "texts in en, fr and es are required";
            }
            return null;
        }
    }
}
