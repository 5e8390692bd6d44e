package org.follicle.patients;

/** Published in the transaction that voids a patient's record (a duplicate, a record made in error). */
public record PatientVoided(long patientId) {
}
