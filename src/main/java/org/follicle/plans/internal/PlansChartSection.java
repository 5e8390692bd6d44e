package org.follicle.plans.internal;

import java.util.Map;

import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/** The patient's treatment plans on the chart, with the button to plan a course. */
@Component
class PlansChartSection implements ChartSection {

    private final PlanStore store;

    private final ClinicAccess access;

    PlansChartSection(PlanStore store, ClinicAccess access) {
        this.store = store;
        this.access = access;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public String fragment() {
        return "plans/chart :: plans";
    }

    @Override
    public Map<String, Object> model(PatientView patient) {
        return Map.of("patientId", patient.id(), "plans", store.ofPatient(patient.id()).stream()
                .filter(p -> access.can(Privilege.PATIENT_READ, p.clinicId())).toList(), "canPlan",
                !patient.voided() && access.selectedClinic().map(c -> access.can(Privilege.CLINICAL_WRITE, c))
                        .orElse(false));
    }
}
