package org.follicle.outcomes.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.follicle.diagnosis.AssessmentSummary;
import org.follicle.diagnosis.PhotoRef;
import org.follicle.plans.CourseMilestone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a follow-up lacks against its milestone, and the questionnaire's satisfaction score. */
class FollowUpGapsTests {

    static final LocalDate START = LocalDate.of(2026, 3, 2);

    static final CourseMilestone SIX_MONTHS = new CourseMilestone(1, 1, 1, "MESO_TE", "Meso TE", "MESOTHERAPY", START,
            "ACTIVE", "P6M", 6, START.plusMonths(6), List.of("PHOTOS", "TRICHOSCOPY", "PULL_TEST", "SATISFACTION"),
            List.of("FRONTAL", "VERTEX"));

    @Test
    void aCompleteVisitHasNoGap() {
        var evidence = new FollowUps.Evidence(List.of(
                new AssessmentSummary(2, START.plusMonths(6), List.of("FRONTAL", "VERTEX"), true, false),
                new AssessmentSummary(1, START, List.of("FRONTAL", "VERTEX"), false, false)),
                List.of(new PhotoRef(9, 1, "TOP", null, START.plusMonths(6), false)));
        assertThat(FollowUps.gaps(SIX_MONTHS, followUp(2L, 9L, 1, BigDecimal.ONE), evidence)).isEmpty();
    }

    @Test
    void eachMissingMeasureIsAGapAndSoIsAMissingBaseline() {
        var evidence = new FollowUps.Evidence(List.of(
                new AssessmentSummary(2, START.plusMonths(6), List.of("VERTEX"), false, false)), List.of());
        assertThat(FollowUps.gaps(SIX_MONTHS, followUp(2L, null, null, null), evidence))
                .containsExactly(new FollowUps.Gap("PHOTOS", null), new FollowUps.Gap("SITES", "FRONTAL"),
                        new FollowUps.Gap("PULL_TEST", null), new FollowUps.Gap("SATISFACTION", null),
                        new FollowUps.Gap("GLOBAL_PHOTO", null), new FollowUps.Gap("BASELINE", "2026-03-02"));
    }

    @Test
    void theSatisfactionScoreIsTheMeanOfTheThreeSatisfactionItems() {
        Map<SatisfactionItem, Integer> answers = new EnumMap<>(SatisfactionItem.class);
        for (SatisfactionItem item : SatisfactionItem.values()) {
            answers.put(item, -3);
        }
        answers.put(SatisfactionItem.SATISFIED_OVERALL, 2);
        answers.put(SatisfactionItem.SATISFIED_FRONT, 1);
        answers.put(SatisfactionItem.SATISFIED_TOP, 1);
        // (2 + 1 + 1) / 3 = 1.33; the change items do not count.
        assertThat(FollowUps.satisfactionScore(answers)).isEqualByComparingTo("1.33");
        assertThat(FollowUps.satisfactionScore(Map.of())).isNull();
    }

    private static FollowUpStore.FollowUp followUp(Long assessment, Long photo, Integer score, BigDecimal satisfaction) {
        return new FollowUpStore.FollowUp(1, 1, 1, 1, "P6M", 6, START.plusMonths(6), assessment, null, photo, score,
                score == null ? null : "doctor", Map.of(), satisfaction, FollowUpInput.AdverseCheck.NONE, null, null,
                false, null, Instant.EPOCH, "doctor");
    }
}
