package org.follicle.diagnosis;

import java.time.LocalDate;

/**
 * A patient's standard photo as a session's chart names it; its image is at the chart's photo URL.
 *
 * @param submittedByPatient sent by the patient from the portal: a view of how things look, not assessment-grade
 */
public record PhotoRef(long id, long patientId, String view, String site, LocalDate takenOn,
        boolean submittedByPatient) {
}
