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
        var list = photos.listForChart(patient.id());
        // The comparison starts from the newest photo and the earliest one of the same view: earlier on the left.
        Long earliest = list.isEmpty() ? null : list.stream().filter(p -> p.view().equals(list.get(0).view()))
                .reduce((newer, older) -> older).map(PhotoRecords.PhotoView::id).orElse(null);
        return Map.of("patientId", patient.id(), "photos", list, "earliestOfView", earliest == null ? 0L : earliest,
                "consented", consents.isGiven(patient.id(), ConsentType.PHOTOGRAPHY),
                "canUpload", !patient.voided() && access.can(Privilege.PATIENT_WRITE, patient.clinicId()),
                "views", PhotoRecords.View.values(), "sites", knowledge.sites(), "today", LocalDate.now(clock));
    }
}
