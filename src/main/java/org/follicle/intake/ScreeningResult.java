package org.follicle.intake;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a patient may be treated with a modality on a date, and every reason.
 *
 * @param deferredUntil for DEFERRED, the first day treatment may go ahead, or {@code null} when it waits for
 *        something to resolve (a healed scalp, a fever gone)
 * @param unanswered safety questions not answered, or answered "unknown", by their paths
 * @param ruleSetVersion the version of the screening rules that decided
 */
public record ScreeningResult(Modality modality, Decision decision, LocalDate deferredUntil, List<Finding> findings,
        List<String> unanswered, String ruleSetVersion, int questionnaireVersion, LocalDate sessionDate) {
}
