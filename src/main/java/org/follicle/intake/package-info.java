/**
 * Intake and screening: the medical and hair-history questionnaire, the contraindication screening that decides
 * whether a patient may be treated (rules as data, each with its source), the physician's sign-off or
 * override, and consent.
 * <p>
 * Other modules screen a patient, optionally for a chosen formula, through {@link org.follicle.intake.Screening}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "clinics", "patients" })
package org.follicle.intake;
