package org.follicle.diagnosis.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.follicle.diagnosis.DiagnosisExchange;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.stereotype.Component;

/** The exchange facade over the audited reads of {@link DiagnosisRecords}. */
@Component
class DiagnosisExchangeService implements DiagnosisExchange {

    private final DiagnosisRecords records;

    private final AssessmentStore store;

    private final DiagnosisKnowledge knowledge;

    private final PhotoRecords photoRecords;

    DiagnosisExchangeService(DiagnosisRecords records, AssessmentStore store, DiagnosisKnowledge knowledge,
            PhotoRecords photoRecords) {
        this.photoRecords = photoRecords;
        this.records = records;
        this.store = store;
        this.knowledge = knowledge;
    }

    @Override
    public List<String> sites() {
        return knowledge.sites();
    }

    @Override
    public List<Trichoscopy> trichoscopies(long patientId) {
        return records.assessments(patientId).stream()
                .sorted(Comparator.comparing(AssessmentView::assessedOn).thenComparing(AssessmentView::id))
                .map(DiagnosisExchangeService::trichoscopy).toList();
    }

    @Override
    public List<CodedDiagnosis> diagnoses(long patientId) {
        List<CodedDiagnosis> list = new ArrayList<>();
        for (DiagnosisView d : records.diagnoses(patientId)) {
            list.add(new CodedDiagnosis(d.id(), patientId, d.category(), d.icd10(), d.snomed(), d.stage(), d.notes(),
                    d.practitionerName(), d.recordedAt(), list.isEmpty()));
        }
        return list;
    }

    @Override
    public Trichoscopy trichoscopy(long assessmentId) {
        long patientId = store.find(assessmentId).map(AssessmentView::patientId)
                .orElseThrow(() -> new RecordNotFoundException(DiagnosisRecords.ASSESSMENT, assessmentId));
        return trichoscopy(records.assessment(patientId, assessmentId));
    }

    @Override
    public CodedDiagnosis diagnosis(long diagnosisId) {
        long patientId = store.patientOfDiagnosis(diagnosisId)
                .orElseThrow(() -> new RecordNotFoundException(DiagnosisRecords.DIAGNOSIS, diagnosisId));
        return diagnoses(patientId).stream().filter(d -> d.id() == diagnosisId).findFirst().orElseThrow();
    }

    @Override
    public List<Photo> photos(long patientId) {
        return photoRecords.list(patientId).stream()
                .sorted(Comparator.comparing(PhotoRecords.PhotoView::takenOn).thenComparing(PhotoRecords.PhotoView::id)
                        .reversed())
                .map(DiagnosisExchangeService::photo).toList();
    }

    @Override
    public Photo photo(long photoId) {
        long patientId = photoRecords.patientOf(photoId)
                .orElseThrow(() -> new RecordNotFoundException(PhotoRecords.PHOTO, photoId));
        return photo(photoRecords.photo(patientId, photoId));
    }

    @Override
    public Photo upload(long patientId, String view, String site, LocalDate takenOn, byte[] image) {
        PhotoRecords.View chosen = java.util.Arrays.stream(PhotoRecords.View.values())
                .filter(v -> v.name().equals(view)).findFirst()
                .orElseThrow(() -> BusinessRuleException.onField("view", "photo.viewRequired"));
        return photo(photoRecords.upload(patientId, chosen, site, takenOn, image));
    }

    @Override
    public byte[] image(long patientId, long photoId) {
        return photoRecords.image(patientId, photoId, false).bytes();
    }

    private static Photo photo(PhotoRecords.PhotoView p) {
        return new Photo(p.id(), p.patientId(), p.clinicId(), p.view(), p.site(), p.takenOn(), p.contentType(),
                p.width(), p.height(), p.submittedByPatient());
    }

    private static Trichoscopy trichoscopy(AssessmentView a) {
        return new Trichoscopy(a.id(), a.patientId(), a.assessedOn(), a.examinerName(), a.device(),
                a.magnification(), a.vellusCutoffUm(), a.sites().stream()
                        .map(s -> new Site(s.site(), s.hairs(), s.areaCm2(), s.density(), s.terminal(), s.vellus(),
                                s.meanDiameterUm(), s.anagenPercent(), s.telogenPercent(), s.hairsPerFollicularUnit(),
                                s.emptyFollicles()))
                        .toList(),
                a.voided(), a.voidReason());
    }
}
