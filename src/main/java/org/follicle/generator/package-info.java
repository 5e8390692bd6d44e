/**
 * Generator: fills a database with a reproducible organisation at a chosen scale (clinics, staff, patients with
 * their intake, consents, diagnoses, courses, appointments, signed sessions, lots and stock movements, assessments
 * and reviews) for load tests and benchmarks. Runs only when asked ({@code follicle.generate.scale}), then exits.
 * Writes through SQL, not through the other modules: it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.follicle.generator;
