/**
 * FHIR R4 under {@code /fhir}: a facade over the other modules' APIs (never their tables), served by HAPI FHIR's
 * plain server. Every read and write goes through the same facades, access checks and audit as the pages and the
 * JSON API; resources are mapped on the way out and in, not stored.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics", "patients",
        "diagnosis", "scheduling", "sessions", "intake", "plans" })
package org.follicle.fhir;
