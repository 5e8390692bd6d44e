package org.follicle.diagnosis;

import java.time.LocalDate;
import java.util.List;

/**
 * What an assessment measured, for a follow-up visit that names it: the sites, and whether the pull test and a
 * shedding count were done.
 */
public record AssessmentSummary(long id, LocalDate assessedOn, List<String> sites, boolean pullTest,
        boolean shedding) {
}
