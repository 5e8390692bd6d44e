/**
 * Protocol templates as data (shipped, and each organisation's edited copies) and patients' treatment plans: a
 * protocol, a formula, a practitioner and a clinic turned into a proposed course on the calendar, booked in one
 * step, adapting when a session is moved or missed; the quote for the course beside a PRP course; and the recall
 * list of patients whose maintenance is overdue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics", "patients",
        "intake", "formulary", "scheduling" })
package org.follicle.plans;
