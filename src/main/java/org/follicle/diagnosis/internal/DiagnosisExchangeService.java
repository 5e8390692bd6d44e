package org.follicle.diagnosis.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.follicle.diagnosis.DiagnosisExchange;
import org.springframework.stereotype.Component;

/** The exchange facade over the audited reads of {@link DiagnosisRecords}. */
@Component
class DiagnosisExchangeService implements DiagnosisExchange {

    private final DiagnosisRecords records;

    DiagnosisExchangeService(DiagnosisRecords records) {
        this.records = records;
    }

    @Override
    public List<Trichoscopy> trichoscopies(long patientId) {
        return records.assessments(patientId).stream()
                .sorted(Comparator.comparing(AssessmentView::assessedOn).thenComparing(AssessmentView::id))
                .map(a -> new Trichoscopy(a.id(), a.patientId(), a.assessedOn(), a.examinerName(), a.device(),
                        a.magnification(), a.vellusCutoffUm(), a.sites().stream()
                                .map(s -> new Site(s.site(), s.hairs(), s.areaCm2(), s.density(), s.terminal(),
                                        s.vellus(), s.meanDiameterUm(), s.anagenPercent(), s.telogenPercent(),
                                        s.hairsPerFollicularUnit(), s.emptyFollicles()))
                                .toList(),
                        a.voided(), a.voidReason()))
                .toList();
    }

    @Override
    public List<CodedDiagnosis> diagnoses(long patientId) {
        List<CodedDiagnosis> list = new ArrayList<>();
        for (DiagnosisView d : records.diagnoses(patientId)) {
            list.add(new CodedDiagnosis(d.id(), d.category(), d.icd10(), d.snomed(), d.stage(), d.notes(),
                    d.practitionerName(), d.recordedAt(), list.isEmpty()));
        }
        return list;
    }
}
