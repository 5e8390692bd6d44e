package org.follicle.diagnosis;

import java.util.List;

/** A patient's trichoscopic measures per site for other modules (progress reports); reads are checked and audited. */
public interface PatientMeasures {

    /** Each measured site in the assessment order, with its trajectory and its density change from baseline. */
    List<SiteProgress> of(long patientId);

    /** The patient's assessments still in force, newest first (checked and audited). */
    List<AssessmentSummary> assessments(long patientId);
}
