package org.follicle.diagnosis;

/** Published in the transaction that records a coded diagnosis. */
public record DiagnosisRecorded(long diagnosisId, long patientId) {
}
