package org.follicle.plans;

import java.util.List;
import java.util.Optional;

import org.follicle.plans.internal.PlanMilestones;
import org.springframework.stereotype.Component;

/** The evaluation milestones of patients' courses, for the follow-up visits that measure them. */
@Component
public class CourseMilestones {

    private final PlanMilestones milestones;

    CourseMilestones(PlanMilestones milestones) {
        this.milestones = milestones;
    }

    /** Every milestone of the patient's courses the user may see (proposed plans have none yet). */
    public List<CourseMilestone> ofPatient(long patientId) {
        return milestones.ofPatient(patientId);
    }

    /** One milestone of a visible plan, by its period ({@code P6M}). */
    public Optional<CourseMilestone> of(long planId, String milestone) {
        return milestones.of(planId, milestone);
    }
}
