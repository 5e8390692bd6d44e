package org.follicle.diagnosis.internal;

import java.util.List;

import org.follicle.diagnosis.AssessmentSummary;
import org.follicle.diagnosis.PatientMeasures;
import org.follicle.diagnosis.SiteProgress;
import org.springframework.stereotype.Component;

/** The trends of the diagnosis pages, in the shape other modules read. */
@Component
class DiagnosisMeasures implements PatientMeasures {

    private final DiagnosisRecords records;

    private final DiagnosisKnowledge knowledge;

    DiagnosisMeasures(DiagnosisRecords records, DiagnosisKnowledge knowledge) {
        this.records = records;
        this.knowledge = knowledge;
    }

    @Override
    public List<SiteProgress> of(long patientId) {
        return Trends.of(records.assessments(patientId), knowledge.sites()).stream().map(t -> {
            Trends.Change d = t.density();
            return new SiteProgress(t.site(), t.points().stream()
                    .map(p -> new SiteProgress.Measure(p.date(), p.density(), p.diameter())).toList(),
                    d == null ? null : d.baselineDate(), d == null ? null : d.baseline(),
                    d == null ? null : d.latestDate(), d == null ? null : d.latest(), d == null ? null : d.delta(),
                    d == null ? null : d.percent());
        }).toList();
    }

    @Override
    public List<AssessmentSummary> assessments(long patientId) {
        return records.assessments(patientId).stream().filter(a -> !a.voided())
                .sorted(java.util.Comparator.comparing(AssessmentView::assessedOn)
                        .thenComparing(AssessmentView::id).reversed())
                .map(a -> new AssessmentSummary(a.id(), a.assessedOn(),
                        a.sites().stream().map(AssessmentView.SiteView::site).toList(), a.pullGrasped() != null,
                        a.combCount() != null || a.washCount() != null || a.sinclairShedding() != null))
                .toList();
    }

}
