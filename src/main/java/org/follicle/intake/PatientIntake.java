package org.follicle.intake;

import tools.jackson.databind.JsonNode;

/**
 * The intake for other modules: a session's pre-check records what changed since (pregnancy, new medicines,
 * aspirin, the scalp today, fever) as a new version of the intake, so that the screening reads it.
 */
public interface PatientIntake {

    /**
     * Records changed answers, in the intake's shape ({@code {"medicalHistory": {"pregnancy": "NO"}}}); new
     * medications are added to the list. Refused (400) when the result is not a complete intake.
     */
    void amend(long patientId, JsonNode changes);
}
