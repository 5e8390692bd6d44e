/**
 * Outcomes: what a patient's measures did over the course, beside the ranges the evidence reports (each with its
 * source and strength), and the clinic's cohorts (responders, density change, satisfaction, adherence, adverse
 * events per 1,000 sessions).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics", "patients", "diagnosis", "plans",
        "scheduling", "sessions" })
package org.follicle.outcomes;
