package org.follicle.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.follicle.patients.Sex;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * What the screening looks at: the intake answers (a JSON document), the patient's birth date and administrative
 * sex, the date of the session, and the ingredients of the chosen formula (empty when none is chosen yet).
 */
record ScreeningFacts(JsonNode intake, LocalDate birthDate, Sex sex, LocalDate sessionDate,
        Set<String> formulaIngredients, List<Medication> medications) {

    /** The questions' paths as JSON pointers, compiled once: every screening reads each of them. */
    private static final Map<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();

    /** The medicines are read from the intake once per screening, not once per rule that asks. */
    ScreeningFacts(JsonNode intake, LocalDate birthDate, Sex sex, LocalDate sessionDate,
            Set<String> formulaIngredients) {
        this(intake, birthDate, sex, sessionDate, formulaIngredients, medicationsOf(intake));
    }

    /** The answer at a dotted path such as {@code medicalHistory.pregnancy}, or {@code null}. */
    JsonNode answer(String path) {
        return answer(intake, path);
    }

    static JsonNode answer(JsonNode intake, String path) {
        JsonNode node = intake.at(POINTERS.computeIfAbsent(path,
                p -> JsonPointer.compile("/" + p.replace('.', '/'))));
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    private static List<Medication> medicationsOf(JsonNode intake) {
        List<Medication> medications = new ArrayList<>();
        JsonNode list = intake.path("medications");
        for (JsonNode m : list) {
            JsonNode prescribed = m.path("prescribed");
            JsonNode lastTaken = m.path("lastTaken");
            medications.add(new Medication(m.path("kind").asString(""),
                    prescribed.isBoolean() ? prescribed.asBoolean() : null,
                    lastTaken.isString() && !lastTaken.asString().isBlank() ? LocalDate.parse(lastTaken.asString())
                            : null));
        }
        return List.copyOf(medications);
    }

    /** A medicine as the rules see it; {@code prescribed} is {@code null} when not said. */
    record Medication(String kind, Boolean prescribed, LocalDate lastTaken) {
    }
}
