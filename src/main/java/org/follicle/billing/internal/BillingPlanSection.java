package org.follicle.billing.internal;

import java.util.Map;

import org.follicle.plans.PlanSection;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/** The courses the plan's patient bought, with what is left of each, on the plan's page. */
@Component
class BillingPlanSection implements PlanSection {

    private final Courses courses;

    private final ClinicAccess access;

    BillingPlanSection(Courses courses, ClinicAccess access) {
        this.courses = courses;
        this.access = access;
    }

    @Override
    public String fragment() {
        return "billing/chart :: courses";
    }

    @Override
    public Map<String, Object> model(long patientId, long clinicId) {
        if (!access.can(Privilege.BILLING_READ, clinicId)) {
            return Map.of("visible", false);
        }
        return Map.of("visible", true, "courses", courses.heldToday(patientId));
    }
}
