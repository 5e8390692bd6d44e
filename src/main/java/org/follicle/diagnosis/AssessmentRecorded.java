package org.follicle.diagnosis;

/** Published in the transaction that records a trichoscopic assessment, or voids one recorded by mistake. */
public record AssessmentRecorded(long assessmentId, long patientId, boolean voided) {
}
