/**
 * The patient registry: who the clinic's patients are, how to find them, and their chart page.
 * <p>
 * Other modules read patients through {@link org.follicle.patients.PatientRegistry} and add sections to the
 * chart with {@link org.follicle.patients.ChartSection}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics" })
package org.follicle.patients;
