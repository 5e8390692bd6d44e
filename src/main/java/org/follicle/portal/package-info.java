/**
 * The patient portal: the patient's own way in (invited by the clinic, signed in by a one-time link sent by email,
 * under its own security chain at {@code /portal}), their appointments and online booking within the clinic's
 * rules, the aftercare day by day with their reports, their messages with the clinic, and their bills. A patient
 * sees and changes only their own records, and every read and write is audited in the act's transaction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics", "patients",
        "scheduling", "sessions", "billing", "messaging", "plans", "diagnosis", "intake" })
package org.follicle.portal;
