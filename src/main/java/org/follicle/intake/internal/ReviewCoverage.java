package org.follicle.intake.internal;

import java.util.List;
import java.util.TreeSet;

import org.follicle.intake.Decision;
import org.follicle.intake.Finding;
import org.follicle.intake.RuleClass;
import org.follicle.intake.ScreeningResult;

/**
 * Which findings a practitioner's sign-off or override was given for, and whether it still covers a screening. It
 * covers the screening while every finding that needs a decision (all but alerts, and each safety question left
 * unanswered) is one it was given for, unchanged: an amendment of the intake that changes none of them keeps it; a
 * new finding, a stricter class or a later end of a deferral needs a new decision. Plain Java.
 */
final class ReviewCoverage {

    private ReviewCoverage() {
    }

    /** The findings of a screening that need a practitioner's decision, as stable keys in a stable order. */
    static List<String> findingsOf(ScreeningResult result) {
        TreeSet<String> keys = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (f.ruleClass() != RuleClass.ALERT) {
                keys.add(f.ruleId() + " " + f.ruleClass() + (f.until() == null ? "" : " until " + f.until())
                        + (f.dateUnknown() ? " date unknown" : ""));
            }
        }
        result.unanswered().forEach(path -> keys.add("unanswered " + path));
        return List.copyOf(keys);
    }

    /**
     * Whether a review still covers this screening of these answers. A review recorded before reviews named their
     * findings ({@code covers} null) covers only the answers and the decision it was given on.
     */
    static boolean covers(IntakeStore.Review review, long intakeFormId, ScreeningResult result) {
        if (result.decision() == Decision.ELIGIBLE) {
            return false;
        }
        if (review.covers() == null) {
            return review.intakeFormId() == intakeFormId && review.decision() == result.decision();
        }
        return review.covers().containsAll(findingsOf(result));
    }
}
