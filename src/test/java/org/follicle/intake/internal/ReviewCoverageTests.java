package org.follicle.intake.internal;

import java.time.Instant;
import java.util.Set;

import org.follicle.intake.Decision;
import org.follicle.intake.Modality;
import org.follicle.intake.ScreeningResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.follicle.intake.internal.ScreeningEngineTests.ADULT;
import static org.follicle.intake.internal.ScreeningEngineTests.SESSION;
import static org.follicle.intake.internal.ScreeningEngineTests.healthy;
import static org.follicle.intake.internal.ScreeningEngineTests.screen;

/** A practitioner's decision lasts as long as the findings it was given for. */
class ReviewCoverageTests {

    static final long FORM = 7;

    @Test
    void aSignOffCoversTheSameFindingsInANewVersionOfTheAnswers() {
        ScreeningResult smoker = prp(healthy().answer("medicalHistory.tobacco", "YES"));
        IntakeStore.Review signOff = review(smoker);
        ScreeningResult amended = prp(healthy().answer("medicalHistory.tobacco", "YES")
                .answer("hairHistory.onset", "two years ago"));
        assertThat(ReviewCoverage.covers(signOff, FORM + 1, amended)).isTrue();
    }

    @Test
    void aNewFindingNeedsANewDecision() {
        IntakeStore.Review signOff = review(prp(healthy().answer("medicalHistory.tobacco", "YES")));
        ScreeningResult more = prp(healthy().answer("medicalHistory.tobacco", "YES")
                .answer("medicalHistory.keloidTendency", "YES"));
        assertThat(more.decision()).isEqualTo(Decision.NEEDS_PHYSICIAN_REVIEW);
        assertThat(ReviewCoverage.covers(signOff, FORM + 1, more)).isFalse();
    }

    @Test
    void aQuestionLeftUnansweredSinceNeedsANewDecision() {
        IntakeStore.Review signOff = review(prp(healthy().answer("medicalHistory.tobacco", "YES")));
        ScreeningResult unknown = prp(healthy().answer("medicalHistory.tobacco", "YES")
                .answer("medicalHistory.diabetes", "UNKNOWN"));
        assertThat(ReviewCoverage.covers(signOff, FORM + 1, unknown)).isFalse();
    }

    @Test
    void aLongerDeferralNeedsANewDecision() {
        ScreeningResult twoDays = meso(healthy().medication("NSAID", false, SESSION.minusDays(2)));
        IntakeStore.Review override = review(twoDays);
        assertThat(ReviewCoverage.covers(override, FORM + 1, meso(healthy().medication("NSAID", false,
                SESSION.minusDays(2))))).isTrue();
        ScreeningResult yesterday = meso(healthy().medication("NSAID", false, SESSION.minusDays(1)));
        assertThat(yesterday.decision()).isEqualTo(Decision.DEFERRED);
        assertThat(ReviewCoverage.covers(override, FORM + 1, yesterday)).as("the wash-out ends later").isFalse();
    }

    @Test
    void anExclusionThatGoesLeavesTheOverrideCoveringWhatRemains() {
        ScreeningResult both = prp(healthy().answer("medicalHistory.tobacco", "YES")
                .answer("medicalHistory.pregnancy", "YES"));
        IntakeStore.Review override = review(both);
        assertThat(ReviewCoverage.covers(override, FORM + 1, prp(healthy().answer("medicalHistory.tobacco", "YES"))))
                .isTrue();
    }

    @Test
    void anEligiblePatientNeedsNoReviewShown() {
        IntakeStore.Review signOff = review(prp(healthy().answer("medicalHistory.tobacco", "YES")));
        assertThat(ReviewCoverage.covers(signOff, FORM + 1, prp(healthy()))).isFalse();
    }

    @Test
    void aReviewFromBeforeReviewsNamedTheirFindingsCoversItsOwnAnswersOnly() {
        ScreeningResult smoker = prp(healthy().answer("medicalHistory.tobacco", "YES"));
        IntakeStore.Review old = new IntakeStore.Review(FORM, IntakeStore.ReviewKind.SIGN_OFF, smoker.decision(), null,
                null, "Dr Test", Instant.EPOCH);
        assertThat(ReviewCoverage.covers(old, FORM, smoker)).isTrue();
        assertThat(ReviewCoverage.covers(old, FORM + 1, smoker)).isFalse();
    }

    @Test
    void alertsAreNotFindingsToDecideOn() {
        ScreeningResult smoker = prp(healthy().answer("medicalHistory.tobacco", "YES"));
        assertThat(ReviewCoverage.findingsOf(smoker)).containsExactly("TOBACCO_PRP CAUTION");
    }

    private static IntakeStore.Review review(ScreeningResult result) {
        return new IntakeStore.Review(FORM, IntakeStore.ReviewKind.SIGN_OFF, result.decision(),
                ReviewCoverage.findingsOf(result), null, "Dr Test", Instant.EPOCH);
    }

    private static ScreeningResult prp(IntakeFixture intake) {
        return screen(intake, ADULT, Modality.PRP, Set.of());
    }

    private static ScreeningResult meso(IntakeFixture intake) {
        return screen(intake, ADULT, Modality.MESOTHERAPY, Set.of());
    }
}
