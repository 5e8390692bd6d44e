package org.follicle.diagnosis.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.follicle.intake.ConsentType;
import org.follicle.intake.PatientConsents;
import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.springframework.stereotype.Component;

/** Photos on the chart: upload (with consent), thumbnails by view, and a comparison of two dates. */
@Component
class PhotoChartSection implements ChartSection {

    private final PhotoRecords photos;

    private final PatientConsents consents;

    private final DiagnosisKnowledge knowledge;

    private final ClinicAccess access;

    private final Clock clock;

    PhotoChartSection(PhotoRecords photos, PatientConsents consents, DiagnosisKnowledge knowledge,
            ClinicAccess access, Clock clock) {
        this.photos = photos;
        this.consents = consents;
        this.knowledge = knowledge;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String fragment() {
        return "diagnosis/photos :: photos";
    }

    @Override
    public Map<String, Object> model(PatientView patient) {
        return Map.of("patientId", patient.id(), "photos", photos.listForChart(patient.id()),
                "consented", consents.isGiven(patient.id(), ConsentType.PHOTOGRAPHY),
                "canUpload", !patient.voided() && access.can(Privilege.PATIENT_WRITE, patient.clinicId()),
                "views", PhotoRecords.View.values(), "sites", knowledge.sites(), "today", LocalDate.now(clock));
    }
}
