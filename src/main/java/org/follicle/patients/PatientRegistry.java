package org.follicle.patients;

import org.follicle.security.Privilege;

/** Finds a patient for another module, checking that the user may see (or change) them. */
public interface PatientRegistry {

    /** The first patients the user may read matching a name, file number or birth date (audited as a search). */
    java.util.List<PatientView> search(String text, int limit);

    /** The patient, if the user may read their records; 404 (audited) otherwise. */
    PatientView readablePatient(long patientId);

    /**
     * The patients among the ids that the user may read, by id, in one query; the others are left out (a recall
     * list shows what the user may see and counts the rest). Not audited: the caller audits its list.
     */
    java.util.Map<Long, PatientView> readablePatients(java.util.Collection<Long> patientIds);

    /**
     * The patients a safety notice (a lot's recall) is sent to, whatever clinic the sender works in: the notice must
     * reach every recipient. Each read is audited as made for the notice.
     */
    java.util.List<PatientView> forSafetyNotice(long organisationId, java.util.Collection<Long> patientIds);

    /**
     * The patient a care message is addressed to (a signed session's aftercare), read by the application once the
     * act that owes it has committed, with or without a signed-in user; empty if the patient is not of the
     * organisation. Audited as a read made for the message.
     */
    java.util.Optional<PatientView> forCareMessage(long organisationId, long patientId);

    /**
     * A patient the user may read, of the organisation, to book or plan for: 404 otherwise, and refused (422)
     * when the record is voided.
     */
    PatientView openPatientOf(long organisationId, long patientId);

    /**
     * The patient, shown on a blank form to record something for them (their banner, nothing of the record yet): a
     * read of the patient, audited as one.
     */
    PatientView shownOnForm(PatientView patient);

    /** The patient, if the user holds the privilege in the patient's clinic; 404 or 403 otherwise. */
    PatientView writablePatient(long patientId, Privilege privilege);

    /**
     * The patient, to record something new on: as {@link #writablePatient}, and refused (422) when the record is
     * voided, since nothing more is recorded on a record registered by mistake.
     */
    PatientView openPatient(long patientId, Privilege privilege);
}
