package org.follicle.intake.internal;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/** The screening banner at the top of the chart: the decision for each modality, its reasons, any review. */
@Component
class ScreeningChartSection implements ChartSection {

    private final IntakeRecords records;

    private final IntakeStore forms;

    private final ClinicAccess access;

    private final Clock clock;

    ScreeningChartSection(IntakeRecords records, IntakeStore forms, ClinicAccess access, Clock clock) {
        this.records = records;
        this.forms = forms;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String fragment() {
        return "intake/chart :: banner";
    }

    @Override
    public Map<String, Object> model(PatientView patient) {
        LocalDate today = LocalDate.now(clock);
        List<ScreeningView> screenings = records.screenAll(patient, today);
        return Map.of("patientId", patient.id(), "clinicId", patient.clinicId(), "screenings", screenings,
                "intake", forms.current(patient.id()).map(f -> (Object) f).orElse(false),
                "canReview", access.can(Privilege.CLINICAL_WRITE, patient.clinicId()),
                "canEditIntake", access.can(Privilege.PATIENT_WRITE, patient.clinicId()) && !patient.voided());
    }
}
