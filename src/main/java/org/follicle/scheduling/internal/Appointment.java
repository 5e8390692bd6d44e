package org.follicle.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.follicle.scheduling.AppointmentAttended;
import org.follicle.scheduling.AppointmentRescheduled;
import org.follicle.scheduling.AppointmentStatus;
import org.follicle.scheduling.AppointmentView;
import org.follicle.system.BusinessRuleException;

/**
 * An appointment and its rules. Booked, it takes its practitioner's and room's time and may be moved; it ends
 * cancelled (with a reason), missed or attended, and stays on record. Plain Java: {@link AppointmentStore} maps
 * rows to it, {@link Bookings} checks access and the clinic's hours and stores what a transition returns.
 */
record Appointment(AppointmentView view, long organisationId, ZoneId zone) {

    /** The shortest reason for a cancellation. */
    static final int CANCEL_REASON_MIN = 3;

    long id() {
        return view.id();
    }

    AppointmentStatus status() {
        return view.status();
    }

    /** The day of the appointment in its clinic. */
    LocalDate day() {
        return view.startsAt().atZoneSameInstant(zone).toLocalDate();
    }

    /** Only a booked appointment moves, is cancelled or is marked missed or attended. */
    void requireBooked() {
        if (view.status() != AppointmentStatus.BOOKED) {
            throw new BusinessRuleException("appointment.notBooked", view.status());
        }
    }

    /**
     * Reception closes the appointment: cancelled with a reason, or missed or attended once it has begun.
     *
     * @param reason given, trimmed, or {@code null}
     */
    Closing close(AppointmentStatus to, String reason, Instant now) {
        if (to == AppointmentStatus.BOOKED) {
            throw BusinessRuleException.onField("status", "appointment.statusBooked");
        }
        requireBooked();
        if (to == AppointmentStatus.CANCELLED && (reason == null || reason.length() < CANCEL_REASON_MIN)) {
            throw BusinessRuleException.onField("reason", "appointment.reasonRequired");
        }
        if (to != AppointmentStatus.CANCELLED && view.startsAt().toInstant().isAfter(now)) {
            throw BusinessRuleException.onField("status", "appointment.notYet");
        }
        return new Closing(this, to, reason, false);
    }

    /**
     * The patient's session is signed: a booked appointment is attended, whatever the time (charting may start
     * early); one attended already stays so, and nothing is to be done.
     */
    Optional<Closing> attendedBySession() {
        if (view.status() == AppointmentStatus.ATTENDED) {
            return Optional.empty();
        }
        requireBooked();
        return Optional.of(new Closing(this, AppointmentStatus.ATTENDED, null, true));
    }

    /** A plan's appointment moved to another day: the plan adapts the sessions after it. */
    Optional<AppointmentRescheduled> moved(LocalDate previousDay, LocalDate newDay) {
        return view.planId() == null ? Optional.empty()
                : Optional.of(new AppointmentRescheduled(id(), view.planId(), view.planSequence(), previousDay,
                        newDay));
    }

    /**
     * An appointment closed: what it becomes, and the facts other parts of the application follow.
     *
     * @param bySession attended because its session was signed (not marked so by reception)
     */
    record Closing(Appointment appointment, AppointmentStatus status, String reason, boolean bySession) {

        /** The appointment as the change leaves it: status, reason, next version. */
        AppointmentView after() {
            AppointmentView a = appointment.view();
            return new AppointmentView(a.id(), a.clinicId(), a.patientId(), a.patientName(), a.fileNumber(),
                    a.practitionerId(), a.practitionerName(), a.roomId(), a.roomName(), a.typeCode(), a.startsAt(),
                    a.endsAt(), status, a.planId(), a.planSequence(), a.note(), a.overrideReason(), reason,
                    a.version() + 1);
        }

        /** A plan's session cancelled or missed frees its place in the course: the plan adapts. */
        Optional<AppointmentRescheduled> rescheduled() {
            return status == AppointmentStatus.ATTENDED ? Optional.empty()
                    : appointment.moved(appointment.day(), null);
        }

        /** A session signed: its aftercare follows. */
        Optional<AppointmentAttended> attended() {
            AppointmentView a = appointment.view();
            return !bySession ? Optional.empty()
                    : Optional.of(new AppointmentAttended(a.id(), a.clinicId(), a.patientId(), appointment.day()));
        }
    }
}
