package org.follicle.intake;

import java.time.Instant;

/**
 * A screening with the practitioner's review that still applies to it (the intake and the decision are unchanged
 * since), if any.
 *
 * @param reviewKind {@code SIGN_OFF} (a review accepted treatment) or {@code OVERRIDE} (treatment despite a deferral
 *        or an exclusion, for the reason given), or {@code null} without a review in force
 */
public record ReviewedScreening(ScreeningResult result, String reviewKind, String reviewReason, String reviewerName,
        Instant reviewedAt) {

    /** Whether a practitioner has already accepted treatment despite what the screening says. */
    public boolean cleared() {
        return reviewKind != null;
    }
}
