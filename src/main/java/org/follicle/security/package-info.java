/**
 * Who may do what, and the record of what they did: staff accounts and their roles per clinic, sign-in,
 * access tokens for the API, privilege checks, and the tamper-evident audit log.
 * <p>
 * Other modules check access with {@link org.follicle.security.ClinicAccess}, declare what they audit with
 * {@link org.follicle.security.Audited} and name their clinics through {@link org.follicle.security.ClinicCatalog}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "system")
package org.follicle.security;
