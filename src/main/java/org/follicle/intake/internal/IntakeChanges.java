package org.follicle.intake.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What changed between two versions of a patient's answers, question by question (a question's path, as the
 * questionnaire names it): what was answered before and what is answered now, each as its values. Medicines are
 * one entry, each medicine by its name and the day it was last taken. Plain Java.
 */
final class IntakeChanges {

    static final String MEDICATIONS = "medications";

    private IntakeChanges() {
    }

    /** One answer that changed; an empty list of values is no answer. */
    record Change(String path, List<String> before, List<String> after) {
    }

    static List<Change> between(JsonNode older, JsonNode newer) {
        Map<String, List<String>> before = flatten(older);
        Map<String, List<String>> after = flatten(newer);
        Set<String> paths = new LinkedHashSet<>(after.keySet());
        paths.addAll(before.keySet());
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            List<String> was = before.getOrDefault(path, List.of());
            List<String> now = after.getOrDefault(path, List.of());
            if (!Objects.equals(was, now)) {
                changes.add(new Change(path, was, now));
            }
        }
        return changes;
    }

    /** Every answer of a version, by path; medicines as one list. */
    static Map<String, List<String>> flatten(JsonNode document) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        if (document == null) {
            return answers;
        }
        document.properties().forEach(section -> {
            if (section.getKey().equals(MEDICATIONS)) {
                List<String> medicines = new ArrayList<>();
                section.getValue().forEach(m -> medicines.add(m.path("name").asString(m.path("kind").asString(""))
                        + (m.path("lastTaken").isString() ? " (" + m.path("lastTaken").asString() + ")" : "")));
                if (!medicines.isEmpty()) {
                    answers.put(MEDICATIONS, List.copyOf(medicines));
                }
                return;
            }
            section.getValue().properties().forEach(answer -> {
                List<String> values = new ArrayList<>();
                if (answer.getValue().isArray()) {
                    answer.getValue().forEach(v -> values.add(v.asString()));
                }
                else if (answer.getValue().isValueNode() && !answer.getValue().isNull()
                        && !answer.getValue().asString().isBlank()) {
                    values.add(answer.getValue().asString());
                }
                if (!values.isEmpty()) {
                    answers.put(section.getKey() + "." + answer.getKey(), List.copyOf(values));
                }
            });
        });
        return answers;
    }
}
