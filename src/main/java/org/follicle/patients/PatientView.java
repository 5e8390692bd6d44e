package org.follicle.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/**
 * A patient as other modules, pages and the API see them.
 *
 * @param fileNumber the clinic's file number, such as P000123
 * @param voided whether the record was voided (registered by mistake); voided records stay, with the reason
 * @param changedAt when the record was last written (registered, corrected or voided)
 */
public record PatientView(long id, long organisationId, long clinicId, String fileNumber, String familyName,
        String givenName, LocalDate birthDate, Sex sex, String phone, String email, String preferredLanguage,
        boolean voided, String voidReason, Instant createdAt, Instant changedAt, int version) {

    /** Age in whole years on a date, counting a 29 February birthday as reached on 1 March in common years. */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    public String displayName() {
        return familyName.toUpperCase(java.util.Locale.ROOT) + ", " + givenName;
    }
}
