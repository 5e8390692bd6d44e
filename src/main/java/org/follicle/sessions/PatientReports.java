package org.follicle.sessions;

import java.time.Instant;
import java.util.List;

/**
 * What the patient's side (the portal) needs of the treatment record: the treatments a patient received, whose
 * aftercare follows, and the patient's own reports of concern, which reach the clinic's side-effects list until
 * someone reviews them. The caller has established that the patient is the one signed in.
 */
public interface PatientReports {

    /** The patient's treatments started since a time, the latest first. */
    List<TreatmentGiven> treatmentsSince(long patientId, Instant since);

    /** Puts the patient's report of concern on their clinic's side-effects list; returns its id. */
    long reportConcern(long patientId, long sessionId, String summary);

    /**
     * A treatment session as the patient's aftercare sees it.
     *
     * @param modality CHEMICAL, MECHANICAL, PRP or COMBINED
     */
    record TreatmentGiven(long sessionId, long appointmentId, long clinicId, String modality, Instant startedAt) {
    }
}
