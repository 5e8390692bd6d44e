package org.follicle.scheduling.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.follicle.patients.PatientView;
import org.follicle.scheduling.AppointmentView;
import org.follicle.scheduling.PatientCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class PatientCalendarService implements PatientCalendar {

    private final Bookings bookings;

    private final SchedulingSettings settings;

    PatientCalendarService(Bookings bookings, SchedulingSettings settings) {
        this.bookings = bookings;
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public CareTimes careTimes(long organisationId) {
        SchedulingSettings.MessageSettings times = settings.messages(organisationId);
        return new CareTimes(times.preCareDays(), times.aftercareHours());
    }

    @Override
    public List<AppointmentView> appointmentsOf(PatientView patient) {
        return bookings.ofOwnPatient(patient);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ZonedDateTime> freeStarts(PatientView patient, long practitionerId, String typeCode, LocalDate day) {
        return bookings.freeStarts(patient, practitionerId, typeCode, day);
    }

    @Override
    public AppointmentView book(PatientView patient, long practitionerId, String typeCode, ZonedDateTime start) {
        return bookings.bookByPatient(patient, practitionerId, typeCode, start);
    }

    @Override
    public AppointmentView move(PatientView patient, long appointmentId, ZonedDateTime start) {
        return bookings.moveByPatient(patient, appointmentId, start);
    }

    @Override
    public AppointmentView cancel(PatientView patient, long appointmentId, String reason) {
        return bookings.cancelByPatient(patient, appointmentId, reason);
    }

    @Override
    @Transactional(readOnly = true)
    public Duration cancellationNotice(long organisationId) {
        return settings.cancellationNotice(organisationId);
    }
}
