package org.follicle.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.follicle.support.BrokenRule;
import org.junit.jupiter.api.Test;

/** The course's rules, without Spring or a database: each transition, what it refuses and where it leaves it. */
class TreatmentPlanTests {

    private static final LocalDate START = LocalDate.parse("2026-09-07");

    /** Four sessions a fortnight apart, a review at three months. */
    private static final ProtocolDefinition PROTOCOL = new ProtocolDefinition("MESO_TEST", Map.of("en", "Test"),
            "MESOTHERAPY", List.of(new ProtocolDefinition.Phase(4, Period.ofWeeks(2), List.of("MESOTHERAPY"))),
            List.of(new ProtocolDefinition.Milestone(Period.ofMonths(3), List.of("TRICHOSCOPY"), List.of("VERTEX"))),
            null, List.of(), "test");

    @Test
    void onlyAProposedCourseIsBooked() {
        plan(PlanStatus.PROPOSED).requireProposed();
        for (PlanStatus other : List.of(PlanStatus.ACTIVE, PlanStatus.PAUSED, PlanStatus.COMPLETED,
                PlanStatus.STOPPED)) {
            assertThat(BrokenRule.of(() -> plan(other).requireProposed())).isEqualTo("null:plan.notProposed");
        }
    }

    @Test
    void anActiveCoursePausesWithAReason() {
        assertThat(plan(PlanStatus.ACTIVE).pause("  Patient has a fever  "))
                .isEqualTo(new TreatmentPlan.Change(PlanStatus.PAUSED, "Patient has a fever"));
        assertThat(BrokenRule.of(() -> plan(PlanStatus.ACTIVE).pause(" no"))).isEqualTo("reason:plan.reasonRequired");
        assertThat(BrokenRule.of(() -> plan(PlanStatus.ACTIVE).pause("x".repeat(501)))).isEqualTo("reason:plan.reasonRequired");
        assertThat(BrokenRule.of(() -> plan(PlanStatus.PROPOSED).pause("Patient has a fever")))
                .isEqualTo("null:plan.wrongStatus");
    }

    @Test
    void aPausedCourseResumesWithTheVisitsNotAttendedMovedTogether() {
        TreatmentPlan paused = plan(PlanStatus.PAUSED);
        LocalDate from = START.plusWeeks(6);

        List<ProtocolDefinition.Visit> visits = paused.resumedVisits(Set.of(1, 2), from);

        // Sessions 3 and 4 were due at weeks 4 and 6, the review at three months: all two weeks later now.
        assertThat(visits).extracting(ProtocolDefinition.Visit::sequence).containsExactly(3, 4, 5);
        assertThat(visits).extracting(ProtocolDefinition.Visit::target).containsExactly(from, from.plusWeeks(2),
                START.plusMonths(3).plusWeeks(2));
        assertThat(BrokenRule.of(() -> paused.resumedVisits(Set.of(1, 2, 3, 4, 5), from))).isEqualTo("null:plan.nothingLeft");
        assertThat(BrokenRule.of(() -> plan(PlanStatus.ACTIVE).requireResumable())).isEqualTo("null:plan.wrongStatus");
    }

    @Test
    void aCourseStopsForGoodWithAReasonUnlessItHasEnded() {
        for (PlanStatus open : List.of(PlanStatus.PROPOSED, PlanStatus.ACTIVE, PlanStatus.PAUSED)) {
            assertThat(plan(open).stop("Moved abroad").status()).isEqualTo(PlanStatus.STOPPED);
        }
        assertThat(BrokenRule.of(() -> plan(PlanStatus.ACTIVE).stop(""))).isEqualTo("reason:plan.reasonRequired");
        assertThat(BrokenRule.of(() -> plan(PlanStatus.STOPPED).stop("Moved abroad"))).isEqualTo("null:plan.closed");
        assertThat(BrokenRule.of(() -> plan(PlanStatus.COMPLETED).stop("Moved abroad"))).isEqualTo("null:plan.closed");
    }

    @Test
    void anActiveCourseCompletesOnceNoSessionIsStillBooked() {
        assertThat(plan(PlanStatus.ACTIVE).complete(false))
                .isEqualTo(new TreatmentPlan.Change(PlanStatus.COMPLETED, null));
        assertThat(BrokenRule.of(() -> plan(PlanStatus.ACTIVE).complete(true))).isEqualTo("null:plan.sessionsRemain");
        assertThat(BrokenRule.of(() -> plan(PlanStatus.PAUSED).complete(false))).isEqualTo("null:plan.wrongStatus");
    }

    private static TreatmentPlan plan(PlanStatus status) {
        return new TreatmentPlan(1, 2, 3, 4, PROTOCOL, null, 5, null, START, LocalTime.of(10, 0), status, null, null,
                0, Instant.parse("2026-09-01T09:00:00Z"), "dr");
    }
}
