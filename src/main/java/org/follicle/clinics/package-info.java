/**
 * The organisation, its clinics (sites) and their treatment rooms.
 * <p>
 * Other modules find clinics through {@link org.follicle.clinics.ClinicDirectory}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security" })
package org.follicle.clinics;
