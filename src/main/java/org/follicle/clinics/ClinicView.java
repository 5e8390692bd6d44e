package org.follicle.clinics;

/** A clinic as other modules and the API see it. */
public record ClinicView(long id, long organisationId, String name, String timeZone, int version) {

    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }

    /** Today in the clinic: what "past", "expired" and "due" are measured against there. */
    public java.time.LocalDate today(java.time.Clock clock) {
        return java.time.LocalDate.now(clock.withZone(zone()));
    }
}
