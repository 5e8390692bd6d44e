package org.follicle.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The patient registry for systems that exchange records with the clinic (the FHIR API): search by criteria,
 * registration and correction, each checked and audited exactly as on the pages.
 */
public interface PatientExchange {

    /**
     * The patients the user may read that meet every criterion given, in registration order (so that a page taken
     * by offset stays the same page from one request, or one instance, to the next); voided records are left out.
     * Audited as a search.
     */
    Matches find(Criteria criteria, long offset, int count);

    /**
     * The ids of every patient the user may read, of one clinic or of all the user's clinics (clinicId null), in
     * registration order; voided records left out. Audited as a search. For exports, which read each one after.
     */
    List<Long> readableIds(Long clinicId);

    /** The patient, if the user may read their record (audited as a read); 404 otherwise. */
    PatientView read(long patientId);

    /** Registers a patient; throws {@link PossibleDuplicatesException} when they look like a registered patient. */
    PatientView register(long clinicId, PatientDetails details);

    /** Corrects a patient's details, if the record is still at this version. */
    PatientView correct(long patientId, PatientDetails details, int version);

    /**
     * What a search asks; null or empty means any value. Names, family and given match the beginning of a name, without
     * regard to case or accents; every name given must match the family or the given name.
     */
    record Criteria(String fileNumber, List<String> names, String family, String given, LocalDate bornFrom,
            LocalDate bornTo, Instant changedFrom, Instant changedTo) {

        public Criteria {
            names = names == null ? List.of() : List.copyOf(names);
        }
    }

    /** One page of matches and how many there are in all (counted up to a cap, said by {@code capped}). */
    record Matches(List<PatientView> patients, long total, boolean capped) {
    }
}
