package org.follicle.security;

import java.time.ZoneId;

/** A clinic as access control knows it: its id, its organisation, its name and the time zone it works in. */
public record ClinicRef(long id, long organisationId, String name, ZoneId zone) {
}
