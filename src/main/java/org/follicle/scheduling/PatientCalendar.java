package org.follicle.scheduling;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.follicle.patients.PatientView;

/**
 * The patient's own calendar, for the portal: the same rules as reception's (the clinic's hours and closures, the
 * practitioner's, the shortest interval between treatments, the screening) without any override, and moves and
 * cancellations only before the clinic's notice period. The caller has established that the patient is the one
 * signed in.
 */
public interface PatientCalendar {

    /** The patient's appointments, the latest first. */
    List<AppointmentView> appointmentsOf(PatientView patient);

    /** The times a visit of that type may start with the practitioner on a day, in the clinic's zone. */
    List<ZonedDateTime> freeStarts(PatientView patient, long practitionerId, String typeCode, LocalDate day);

    /**
     * Books a visit for the patient. A screening that stops the treatment refuses it with
     * {@code portal.booking.contactClinic}, saying nothing of why: the clinic tells the patient.
     */
    AppointmentView book(PatientView patient, long practitionerId, String typeCode, ZonedDateTime start);

    /** Moves the patient's booked appointment to another time, under the checks of a booking, before the notice. */
    AppointmentView move(PatientView patient, long appointmentId, ZonedDateTime start);

    /** Cancels the patient's booked appointment, if it is still outside the clinic's notice period. */
    AppointmentView cancel(PatientView patient, long appointmentId, String reason);

    /** How long before an appointment the patient may still cancel it themselves. */
    Duration cancellationNotice(long organisationId);

    /** The clinic's care advice settings: days of pre-care before a treatment, hours of aftercare after it. */
    CareTimes careTimes(long organisationId);

    record CareTimes(int preCareDays, int aftercareHours) {
    }
}
