package org.follicle.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.follicle.scheduling.AppointmentAttended;
import org.follicle.scheduling.AppointmentRescheduled;
import org.follicle.scheduling.AppointmentStatus;
import org.follicle.scheduling.AppointmentView;
import org.follicle.support.BrokenRule;
import org.junit.jupiter.api.Test;

/** The appointment's rules, without Spring or a database: each transition, what it refuses and the facts it gives. */
class AppointmentTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The 8th in Paris, still the 7th in UTC: the appointment's day is its clinic's. */
    private static final OffsetDateTime STARTS = OffsetDateTime.parse("2026-12-08T00:30:00+01:00");

    @Test
    void aCancellationNeedsAReasonAndLetsThePlanAdapt() {
        Appointment.Closing closing = booked(42L).close(AppointmentStatus.CANCELLED, "Patient has the flu",
                STARTS.toInstant().minusSeconds(86_400));

        assertThat(closing.after().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(closing.after().statusReason()).isEqualTo("Patient has the flu");
        assertThat(closing.after().version()).isEqualTo(4);
        assertThat(closing.rescheduled()).contains(new AppointmentRescheduled(9, 42, 2,
                LocalDate.parse("2026-12-08"), null));
        assertThat(closing.attended()).isEmpty();
        assertThat(BrokenRule.of(() -> booked(null).close(AppointmentStatus.CANCELLED, "no", STARTS.toInstant())))
                .isEqualTo("reason:appointment.reasonRequired");
        assertThat(BrokenRule.of(() -> booked(null).close(AppointmentStatus.CANCELLED, null, STARTS.toInstant())))
                .isEqualTo("reason:appointment.reasonRequired");
    }

    @Test
    void missedOrAttendedOnlyOnceItHasBegun() {
        Instant before = STARTS.toInstant().minusSeconds(60);

        assertThat(BrokenRule.of(() -> booked(null).close(AppointmentStatus.NO_SHOW, null, before)))
                .isEqualTo("status:appointment.notYet");
        assertThat(BrokenRule.of(() -> booked(null).close(AppointmentStatus.ATTENDED, null, before)))
                .isEqualTo("status:appointment.notYet");
        Appointment.Closing missed = booked(42L).close(AppointmentStatus.NO_SHOW, null, STARTS.toInstant());
        assertThat(missed.rescheduled()).map(AppointmentRescheduled::missed).contains(true);
        Appointment.Closing attended = booked(42L).close(AppointmentStatus.ATTENDED, null, STARTS.toInstant());
        assertThat(attended.rescheduled()).isEmpty();
        assertThat(attended.attended()).as("reception's mark sends no aftercare").isEmpty();
    }

    @Test
    void onlyABookedAppointmentCloses() {
        for (AppointmentStatus closed : new AppointmentStatus[] { AppointmentStatus.CANCELLED,
                AppointmentStatus.NO_SHOW, AppointmentStatus.ATTENDED }) {
            Appointment appointment = with(closed, null);
            assertThat(BrokenRule.of(() -> appointment.close(AppointmentStatus.CANCELLED, "moved away", STARTS.toInstant())))
                    .isEqualTo("null:appointment.notBooked");
            assertThat(BrokenRule.of(appointment::requireBooked)).isEqualTo("null:appointment.notBooked");
        }
        assertThat(BrokenRule.of(() -> booked(null).close(AppointmentStatus.BOOKED, null, STARTS.toInstant())))
                .isEqualTo("status:appointment.statusBooked");
    }

    @Test
    void aSignedSessionAttendsItsAppointmentAtAnyTimeOnceAndItsAftercareFollows() {
        Appointment.Closing closing = booked(null).attendedBySession().orElseThrow();

        assertThat(closing.after().status()).isEqualTo(AppointmentStatus.ATTENDED);
        assertThat(closing.attended()).contains(new AppointmentAttended(9, 2, 3, LocalDate.parse("2026-12-08")));
        assertThat(closing.rescheduled()).isEmpty();
        assertThat(with(AppointmentStatus.ATTENDED, null).attendedBySession()).isEmpty();
        assertThat(BrokenRule.of(() -> with(AppointmentStatus.CANCELLED, null).attendedBySession()))
                .isEqualTo("null:appointment.notBooked");
    }

    @Test
    void aPlansAppointmentMovedToAnotherDayLetsThePlanAdapt() {
        LocalDate day = LocalDate.parse("2026-12-08");

        assertThat(booked(42L).moved(day, day.plusDays(2)))
                .contains(new AppointmentRescheduled(9, 42, 2, day, day.plusDays(2)));
        assertThat(booked(null).moved(day, day.plusDays(2))).isEmpty();
        assertThat(booked(null).day()).isEqualTo(day);
    }

    private static Appointment booked(Long planId) {
        return with(AppointmentStatus.BOOKED, planId);
    }

    private static Appointment with(AppointmentStatus status, Long planId) {
        return new Appointment(new AppointmentView(9, 2, 3, "Dupont, Anne", "F-1", 5, "Dr Martin", null, null,
                "MESO", STARTS, STARTS.plusMinutes(30), status, planId, planId == null ? null : 2, null, null, null,
                3), 1, PARIS);
    }
}
