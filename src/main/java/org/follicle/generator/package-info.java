/**
 * Generator: fills a database with a reproducible organisation at a chosen scale (clinics, staff, patients with
 * their intake, consents, diagnoses, courses, appointments, signed sessions, lots and stock movements, assessments
 * and reviews, a year of invoices and payments) for load tests and benchmarks. Runs only when asked
 * ({@code follicle.generate.scale}), then exits. Writes through SQL, not through the other modules, but for the
 * invoices and payments, which only billing can seal ({@link org.follicle.billing.SalesHistory}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "billing" })
package org.follicle.generator;
