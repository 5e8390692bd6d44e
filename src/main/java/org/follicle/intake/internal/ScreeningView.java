package org.follicle.intake.internal;

import org.follicle.intake.ScreeningResult;

/** A screening with the practitioner's sign-off or override of it, if any still applies. */
record ScreeningView(ScreeningResult result, IntakeStore.Review review, Long intakeFormId) {
}
