package org.follicle.intake.internal;

import java.util.Map;

import org.follicle.intake.ConsentType;
import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/** Consent status on the chart: each consent signed, withdrawn or missing, with its PDF. */
@Component
class ConsentChartSection implements ChartSection {

    private final Consents consents;

    private final ClinicAccess access;

    ConsentChartSection(Consents consents, ClinicAccess access) {
        this.consents = consents;
        this.access = access;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String fragment() {
        return "intake/consent-status :: consents";
    }

    @Override
    public Map<String, Object> model(PatientView patient) {
        return Map.of("patientId", patient.id(), "types", ConsentType.values(), "latest",
                consents.status(patient.id()),
                "canSign", access.can(Privilege.PATIENT_WRITE, patient.clinicId()) && !patient.voided());
    }
}
