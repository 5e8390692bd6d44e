package org.follicle.plans;

import java.util.List;
import java.util.Optional;

/** The evaluation milestones of patients' courses, for the follow-up visits that measure them. */
public interface CourseMilestones {

    /** Every milestone of the patient's courses the user may see (proposed plans have none yet). */
    List<CourseMilestone> ofPatient(long patientId);

    /** One milestone of a visible plan, by its period ({@code P6M}). */
    Optional<CourseMilestone> of(long planId, String milestone);
}
