package org.follicle.security;

/** A clinic as access control knows it: its id, its organisation and its name. */
public record ClinicRef(long id, long organisationId, String name) {
}
