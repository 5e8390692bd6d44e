package org.follicle.security;

/**
 * A patient signed in to the portal, as the audit log names them: the patient, of an organisation, acting on their
 * own records only. Staff privileges never apply to them.
 */
public interface SignedInPatient {

    long patientId();

    long organisationId();

    /** The name the patient's acts are recorded under, wherever a record names who wrote it. */
    default String actorName() {
        return actorName(patientId());
    }

    static String actorName(long patientId) {
        return "patient:" + patientId;
    }
}
