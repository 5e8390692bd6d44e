package org.follicle.diagnosis;

import java.util.List;

import org.follicle.diagnosis.internal.DiagnosisMeasures;
import org.springframework.stereotype.Component;

/** A patient's trichoscopic measures per site for other modules (progress reports); reads are checked and audited. */
@Component
public class PatientMeasures {

    private final DiagnosisMeasures measures;

    PatientMeasures(DiagnosisMeasures measures) {
        this.measures = measures;
    }

    /** Each measured site in the assessment order, with its trajectory and its density change from baseline. */
    public List<SiteProgress> of(long patientId) {
        return measures.progress(patientId);
    }

    /** The patient's assessments still in force, newest first (checked and audited). */
    public List<AssessmentSummary> assessments(long patientId) {
        return measures.assessments(patientId);
    }
}
