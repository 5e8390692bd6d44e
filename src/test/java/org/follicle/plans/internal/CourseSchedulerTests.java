package org.follicle.plans.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.follicle.scheduling.Agenda;
import org.follicle.scheduling.AppointmentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Courses placed on hand-worked calendars: the dates below were worked out on a paper calendar of 2026-2027, with
 * the clinic open Monday to Friday 09:00-19:00 and the practitioner working 09:00-18:00.
 */
class CourseSchedulerTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    static final Map<String, AppointmentType> TYPES = Map.of(
            "MESOTHERAPY", new AppointmentType("MESOTHERAPY", 30, true, 6, null, "EUR", 0),
            "PRP", new AppointmentType("PRP", 60, true, 21, null, "EUR", 0),
            "FOLLOW_UP", new AppointmentType("FOLLOW_UP", 20, false, 0, null, "EUR", 0));

    static final ProtocolDefinition.Milestone REVIEW = new ProtocolDefinition.Milestone(Period.ofMonths(2),
            List.of("PHOTOS"), List.of("VERTEX"));

    static final ProtocolDefinition MESO_AGA = new ProtocolDefinition("MESO_AGA", Map.of("en", "Meso"), "MESOTHERAPY",
            List.of(new ProtocolDefinition.Phase(4, Period.ofDays(7), List.of("MESOTHERAPY")),
                    new ProtocolDefinition.Phase(4, Period.ofDays(14), List.of("MESOTHERAPY"))),
            List.of(REVIEW, new ProtocolDefinition.Milestone(Period.ofMonths(4), List.of("PHOTOS"), List.of()),
                    new ProtocolDefinition.Milestone(Period.ofMonths(6), List.of("PHOTOS"), List.of())),
            Period.ofMonths(3), List.of(), "test");

    static final ProtocolDefinition PRP = new ProtocolDefinition("PRP", Map.of("en", "PRP"), "PRP",
            List.of(new ProtocolDefinition.Phase(3, Period.ofMonths(1), List.of("PRP"))), List.of(),
            Period.ofMonths(6), List.of(), "test");

    @Test
    void weeklyThenFortnightlySessionsWithTheirReviewsFallOnTheWorkedDates() {
        List<CourseScheduler.Placed> placed = place(MESO_AGA, LocalDate.of(2026, 11, 23), agenda(PARIS, Map.of()));
        assertThat(placed).allMatch(CourseScheduler.Placed::isPlaced);
        assertThat(sessions(placed)).containsExactly("2026-11-23T10:00", "2026-11-30T10:00", "2026-12-07T10:00",
                "2026-12-14T10:00", "2026-12-28T10:00", "2027-01-11T10:00", "2027-01-25T10:00", "2027-02-08T10:00");
        // Reviews at 2, 4 and 6 months: 23 January 2027 is a Saturday, so Monday 25th, beside that day's session
        // (10:00-10:30): on the 15-minute grid a 20-minute review fits at 09:30 or 10:30, equally near; the earlier
        // wins. 23 May is a Sunday: Monday 24th.
        assertThat(times(placed, ProtocolDefinition.Visit.Kind.EVALUATION)).containsExactly("2027-01-25T09:30",
                "2027-03-23T10:00", "2027-05-24T10:00");
        assertThat(placed).extracting(p -> p.visit().sequence()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void aClosedDayPushesOnlyItsOwnSessionAndTheNextKeepsItsDay() {
        Map<LocalDate, String> closures = Map.of(LocalDate.of(2026, 12, 28), "Staff holiday");
        List<CourseScheduler.Placed> placed = place(MESO_AGA, LocalDate.of(2026, 11, 23), agenda(PARIS, closures));
        assertThat(sessions(placed)).containsSubsequence("2026-12-14T10:00", "2026-12-29T10:00", "2027-01-11T10:00");
        assertThat(placed.get(4).shiftDays()).isEqualTo(1);
    }

    @Test
    void theMinimumIntervalPushesASessionThatWouldComeTooSoon() {
        // Monday to Wednesday closed: session 2 goes to Thursday 3 December; session 3's target, Monday 7, is only
        // 4 days later, below the 6-day minimum, so it goes to Wednesday 9; session 4's target, Monday 14, is then
        // 5 days later, so Tuesday 15; session 5 keeps Monday 28.
        Map<LocalDate, String> closures = Map.of(LocalDate.of(2026, 11, 30), "Works", LocalDate.of(2026, 12, 1),
                "Works", LocalDate.of(2026, 12, 2), "Works");
        List<CourseScheduler.Placed> placed = place(MESO_AGA, LocalDate.of(2026, 11, 23), agenda(PARIS, closures));
        assertThat(sessions(placed)).startsWith("2026-11-23T10:00", "2026-12-03T10:00", "2026-12-09T10:00",
                "2026-12-15T10:00", "2026-12-28T10:00");
    }

    @Test
    void aMonthlyCourseAcrossTheSpringChangeKeepsTenOClockWallTime() {
        List<CourseScheduler.Placed> placed = place(PRP, LocalDate.of(2027, 2, 15), agenda(PARIS, Map.of()));
        assertThat(sessions(placed)).containsExactly("2027-02-15T10:00", "2027-03-15T10:00", "2027-04-15T10:00");
        // Paris moves to summer time on 28 March 2027: the same 10:00 is one hour earlier in UTC.
        assertThat(placed).extracting(p -> p.start().toInstant()).containsExactly(
                Instant.parse("2027-02-15T09:00:00Z"), Instant.parse("2027-03-15T09:00:00Z"),
                Instant.parse("2027-04-15T08:00:00Z"));
    }

    @Test
    void aWeeklyCourseAcrossTheAutumnChangeInMadridKeepsItsHour() {
        ProtocolDefinition weekly = new ProtocolDefinition("W", Map.of("en", "W"), "MESOTHERAPY",
                List.of(new ProtocolDefinition.Phase(3, Period.ofDays(7), List.of("MESOTHERAPY"))), List.of(), null,
                List.of(), "test");
        // Madrid leaves summer time on 31 October 2027.
        List<CourseScheduler.Placed> placed = place(weekly, LocalDate.of(2027, 10, 25), agenda(MADRID, Map.of()));
        assertThat(placed).extracting(p -> p.start().toInstant()).containsExactly(
                Instant.parse("2027-10-25T08:00:00Z"), Instant.parse("2027-11-01T09:00:00Z"),
                Instant.parse("2027-11-08T09:00:00Z"));
    }

    @Test
    void aTakenTimeMovesTheVisitToTheNearestFreeTimeThatDay() {
        ZonedDateTime taken = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, PARIS);
        Agenda agenda = agenda(PARIS, Map.of());
        agenda.take(taken.minusMinutes(30).toInstant(), taken.plusMinutes(30).toInstant());
        List<CourseScheduler.Placed> placed = place(MESO_AGA, LocalDate.of(2026, 11, 23), agenda);
        assertThat(placed.get(0).start().toLocalTime()).isEqualTo(LocalTime.of(10, 30));
    }

    @Test
    void aVisitWithNoFreeTimeNearItsTargetIsLeftUnplaced() {
        Map<LocalDate, String> closures = new HashMap<>();
        for (LocalDate d = LocalDate.of(2026, 11, 30); d.isBefore(LocalDate.of(2026, 12, 20)); d = d.plusDays(1)) {
            closures.put(d, "Closed for works");
        }
        List<CourseScheduler.Placed> placed = place(MESO_AGA, LocalDate.of(2026, 11, 23), agenda(PARIS, closures));
        assertThat(placed.get(1).isPlaced()).isFalse();
    }

    @Test
    void aCombinedCourseAlternatesPrpAndMesotherapy() {
        ProtocolDefinition combined = new ProtocolDefinition("C", Map.of("en", "C"), "MESOTHERAPY",
                List.of(new ProtocolDefinition.Phase(4, Period.ofDays(14), List.of("PRP", "MESOTHERAPY"))), List.of(),
                null, List.of(), "test");
        assertThat(combined.visits(LocalDate.of(2026, 11, 23))).extracting(ProtocolDefinition.Visit::typeCode)
                .containsExactly("PRP", "MESOTHERAPY", "PRP", "MESOTHERAPY");
    }

    private static List<CourseScheduler.Placed> place(ProtocolDefinition protocol, LocalDate start, Agenda agenda) {
        return CourseScheduler.place(protocol.visits(start), agenda, LocalTime.of(10, 0), TYPES);
    }

    private static Agenda agenda(ZoneId zone, Map<LocalDate, String> closures) {
        Map<DayOfWeek, List<Agenda.Hours>> opening = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, List<Agenda.Hours>> working = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            opening.put(d, List.of(new Agenda.Hours(LocalTime.of(9, 0), LocalTime.of(19, 0))));
            working.put(d, List.of(new Agenda.Hours(LocalTime.of(9, 0), LocalTime.of(18, 0))));
        }
        return new Agenda(zone, opening, working, closures, List.of());
    }

    private static List<String> sessions(List<CourseScheduler.Placed> placed) {
        return times(placed, ProtocolDefinition.Visit.Kind.SESSION);
    }

    private static List<String> times(List<CourseScheduler.Placed> placed, ProtocolDefinition.Visit.Kind kind) {
        return placed.stream().filter(p -> p.visit().kind() == kind && p.isPlaced())
                .map(p -> p.start().toLocalDateTime().toString()).toList();
    }
}
