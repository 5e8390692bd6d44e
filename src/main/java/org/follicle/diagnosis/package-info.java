/**
 * Trichoscopic diagnosis: assessments measured per scalp site, clinical tests, grading scales, and the
 * diagnosis with its codes, and standard photographs (only with the patient's photography consent). Measures and codes follow shared/domain/knowledge-base.md sections 3 and 4.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "patients", "intake" })
package org.follicle.diagnosis;
