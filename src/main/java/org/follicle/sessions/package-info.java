/**
 * Treatment sessions: started from an appointment with a pre-check that updates the intake and screens the patient
 * again with the formula, charted (technique, depth, anaesthetic, zones of the scalp map with points and volume,
 * lots, PRP preparation), signed (stock used once, through the formulary) and then locked, corrected by addenda.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics", "patients",
        "intake", "diagnosis", "formulary", "scheduling" })
package org.follicle.sessions;
