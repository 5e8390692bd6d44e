package org.follicle.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.follicle.patients.PatientView;

/**
 * The calendar for other modules: a treatment plan proposes its course on an {@link Agenda}, books it here,
 * and moves its later sessions when one is moved or missed ({@link AppointmentRescheduled}). Access is checked as
 * for reception's own bookings.
 */
public interface AppointmentBook {

    /** The organisation's appointment types (the usual ones until the clinic sets its own). */
    List<AppointmentType> types(long organisationId);

    /** Free time of a practitioner (and room) in a clinic between two days, for proposing a course. */
    Agenda agenda(long clinicId, long practitionerId, Long roomId, LocalDate from, LocalDate to);

    /** Books the course's appointments, all or none, and sends one confirmation listing them. */
    List<AppointmentView> bookCourse(CourseBooking course);

    /** Moves a plan's session to a new start, keeping the clinic's rules; the patient is told. */
    AppointmentView shift(long appointmentId, ZonedDateTime start);

    /** Cancels a plan's sessions still to come (the plan stopped), with the reason. */
    int cancelUpcoming(long planId, String reason);

    /** A plan's appointments in the order of its course (sequence, then start). */
    List<AppointmentView> ofPlan(long planId);

    /** The patient's appointments that belong to a plan, by plan, each in the order of {@link #ofPlan}. */
    Map<Long, List<AppointmentView>> ofPlansOf(long patientId);

    /** The last attended session of each plan. */
    Map<Long, Instant> lastAttended(Collection<Long> planIds);

    /** The patient's booked appointments still to come, the soonest first; the caller checks access. */
    List<AppointmentView> upcomingOf(long patientId);

    /** Of these patients, those with an appointment still to come. */
    Set<Long> withUpcoming(Collection<Long> patientIds);

    /** An appointment the user may see; 404 otherwise. */
    AppointmentView appointment(long appointmentId);

    /**
     * Books an appointment as reception does, with the same checks (hours, closures, double bookings, the
     * screening, the interval between treatments) and no override: a wall-clock start (and end) in the clinic.
     */
    AppointmentView book(long clinicId, long patientId, long practitionerId, String typeCode,
            java.time.LocalDateTime start, java.time.LocalDateTime end, String note);

    /** Every appointment of the patient the user may see, the latest first (checked and audited). */
    List<AppointmentView> ofPatient(long patientId);

    /**
     * The appointment's session is signed: a booked appointment becomes attended (whatever the time, charting may
     * start early), and the patient's aftercare email follows once this commits ({@link AppointmentAttended}).
     */
    AppointmentView attendedBySession(long appointmentId);

    /**
     * The aftercare sheet (PDF) in the patient's language, with the dated visits of a course that has check-ins
     * (after a transplant), if any; the caller checks access.
     */
    byte[] aftercareSheet(long patientId, long clinicId, List<AppointmentView> visits);

    /** Emails the patient that their maintenance is due (a recall invitation). */
    void invite(PatientView patient, long clinicId, String courseName);
}
