package org.follicle.intake;

import java.time.LocalDate;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Screens a patient for a modality on a session date, optionally for a formula whose ingredients bring their own
 * rules, so that ingredient rules apply through the same engine. Checks that the user may read the patient;
 * audited.
 */
public interface Screening {

    ScreeningResult screen(long patientId, Modality modality, LocalDate sessionDate, FormulaRules formula);

    /** The screening for a session date with the practitioner's sign-off or override that still applies to it. */
    ReviewedScreening screenWithReview(long patientId, Modality modality, LocalDate sessionDate);

    /**
     * The first problem in rules written as data (a JSON list in the screening rules' format), such as an unknown
     * question or a missing translation, or empty when the engine can apply them.
     */
    Optional<String> problemIn(JsonNode rules);
}
