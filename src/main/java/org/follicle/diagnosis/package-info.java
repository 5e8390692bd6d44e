/**
 * Trichoscopic diagnosis: assessments measured per scalp site, clinical tests, grading scales, and the
 * diagnosis with its codes. Measures and codes follow shared/domain/knowledge-base.md sections 3 and 4.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "security", "patients" })
package org.follicle.diagnosis;
