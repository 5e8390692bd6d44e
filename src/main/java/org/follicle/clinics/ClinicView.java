package org.follicle.clinics;

/** A clinic as other modules and the API see it. */
public record ClinicView(long id, long organisationId, String name, String timeZone, int version) {
}
