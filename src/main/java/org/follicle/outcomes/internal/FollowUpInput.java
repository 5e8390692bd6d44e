package org.follicle.outcomes.internal;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A follow-up visit at a milestone of a course, as a page or the API records it.
 *
 * @param milestone the protocol's period after the first session ({@code P6M})
 * @param assessmentId the trichoscopy recorded at the visit (on the diagnosis pages)
 * @param globalScore the practitioner's global photographic assessment, -3 (greatly worse) to +3 (greatly better),
 *        rated with the baseline and current photos side by side
 * @param satisfaction the patient's answers by {@link SatisfactionItem}, each -3..+3: all of them or none
 */
record FollowUpInput(@NotNull Long planId, @NotBlank @Pattern(regexp = "P[0-9YMWD]{2,10}") String milestone,
        @NotNull LocalDate visitOn, Long assessmentId, Long baselinePhotoId, Long currentPhotoId,
        @Min(-3) @Max(3) Integer globalScore, Map<SatisfactionItem, @NotNull @Min(-3) @Max(3) Integer> satisfaction,
        @NotNull AdverseCheck adverseEvents, @Size(max = 1000) String adverseNote, @Size(max = 2000) String notes) {

    /** Whether the patient reported side effects since the last visit (recorded in detail on the session). */
    enum AdverseCheck {
        NONE, REPORTED
    }
}
