package org.follicle.security;

import java.util.List;
import java.util.Optional;

/**
 * The clinics that roles can be given in. Implemented by the module that owns clinics, so that access control
 * does not depend on it.
 */
public interface ClinicCatalog {

    List<ClinicRef> clinicsOf(long organisationId);

    Optional<ClinicRef> find(long clinicId);

    /** A clinic by its exact name, for set-up such as the demo data; names are unique within an organisation. */
    Optional<ClinicRef> findByName(String name);

    /** Creates an organisation and its first clinic, for the first start of a new installation. */
    ClinicRef createOrganisation(String organisation, String clinic, String timeZone);
}
