package org.follicle.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.follicle.patients.Sex;

import tools.jackson.databind.JsonNode;

/**
 * What the screening looks at: the intake answers (a JSON document), the patient's birth date and administrative
 * sex, the date of the session, and the ingredients of the chosen formula (empty when none is chosen yet).
 */
record ScreeningFacts(JsonNode intake, LocalDate birthDate, Sex sex, LocalDate sessionDate,
        Set<String> formulaIngredients) {

    /** The answer at a dotted path such as {@code medicalHistory.pregnancy}, or {@code null}. */
    JsonNode answer(String path) {
        JsonNode node = intake.at("/" + path.replace('.', '/'));
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    List<Medication> medications() {
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
        return medications;
    }

    /** A medicine as the rules see it; {@code prescribed} is {@code null} when not said. */
    record Medication(String kind, Boolean prescribed, LocalDate lastTaken) {
    }
}
