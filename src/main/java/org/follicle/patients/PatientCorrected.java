package org.follicle.patients;

/** Published in the transaction that corrects a patient's details (name, birth date, sex, contact). */
public record PatientCorrected(long patientId) {
}
