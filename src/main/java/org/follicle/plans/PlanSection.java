package org.follicle.plans;

import java.util.Map;

/**
 * A part of a treatment plan's page contributed by another module (billing: the courses the patient bought and what
 * is left of them). The page renders {@link #fragment()} with {@link #model} after the plan's own parts.
 */
public interface PlanSection {

    /** A Thymeleaf fragment, such as {@code "billing/plan :: courses"}. */
    String fragment();

    /** What the fragment shows for the plan's patient; the user's access to the plan is already checked. */
    Map<String, Object> model(long patientId, long clinicId);
}
