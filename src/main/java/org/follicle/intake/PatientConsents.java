package org.follicle.intake;

/** Whether a patient has given a consent that is still in force (signed, not withdrawn). */
public interface PatientConsents {

    boolean isGiven(long patientId, ConsentType type);
}
