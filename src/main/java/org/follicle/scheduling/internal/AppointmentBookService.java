package org.follicle.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.patients.PatientView;
import org.follicle.scheduling.Agenda;
import org.follicle.scheduling.AppointmentAttended;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentStatus;
import org.follicle.scheduling.AppointmentType;
import org.follicle.scheduling.AppointmentView;
import org.follicle.scheduling.CourseBooking;
import org.follicle.security.Privilege;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The calendar as other modules use it, through the same checks as reception's bookings. */
@Service
@Transactional
class AppointmentBookService implements AppointmentBook {

    private final Bookings bookings;

    private final AppointmentStore store;

    private final Messages messages;

    private final AftercareSheets sheets;

    private final Clock clock;

    private final org.follicle.patients.PatientRegistry patients;

    private final ClinicDirectory clinics;

    AppointmentBookService(Bookings bookings, AppointmentStore store, Messages messages, AftercareSheets sheets,
            org.follicle.patients.PatientRegistry patients, ClinicDirectory clinics, Clock clock) {
        this.clinics = clinics;
        this.bookings = bookings;
        this.store = store;
        this.messages = messages;
        this.sheets = sheets;
        this.clock = clock;
        this.patients = patients;
    }

    @Override
    public List<AppointmentType> types(long organisationId) {
        return bookings.types(organisationId);
    }

    @Override
    public Agenda agenda(long clinicId, long practitionerId, Long roomId, LocalDate from, LocalDate to) {
        return bookings.agenda(clinicId, practitionerId, roomId, from, to);
    }

    @Override
    public List<AppointmentView> bookCourse(CourseBooking course) {
        return bookings.bookCourse(course);
    }

    @Override
    public AppointmentView shift(long appointmentId, ZonedDateTime start) {
        return bookings.shift(appointmentId, start);
    }

    @Override
    public int cancelUpcoming(long planId, String reason) {
        Instant now = clock.instant();
        List<AppointmentView> upcoming = store.ofPlan(planId).stream().map(Appointment::view)
                .filter(a -> a.status() == AppointmentStatus.BOOKED && a.startsAt().toInstant().isAfter(now)).toList();
        upcoming.forEach(a -> bookings.close(a.id(), a.version(),
                new BookingInputs.Outcome(AppointmentStatus.CANCELLED, reason)));
        return upcoming.size();
    }

    @Override
    public List<AppointmentView> ofPlan(long planId) {
        return store.ofPlan(planId).stream().map(Appointment::view).toList();
    }

    @Override
    public Map<Long, List<AppointmentView>> ofPlansOf(long patientId) {
        return store.ofPatient(patientId).stream().map(Appointment::view).filter(a -> a.planId() != null)
                .sorted(Comparator.comparing(AppointmentView::planSequence, Comparator.nullsLast(Integer::compare))
                        .thenComparing(AppointmentView::startsAt).thenComparing(AppointmentView::id))
                .collect(Collectors.groupingBy(AppointmentView::planId));
    }

    @Override
    public Map<Long, Instant> lastAttended(Collection<Long> planIds) {
        return store.lastAttended(planIds);
    }

    @Override
    public List<AppointmentView> upcomingOf(long patientId) {
        Instant now = clock.instant();
        return store.ofPatient(patientId).stream().map(Appointment::view)
                .filter(a -> a.status() == AppointmentStatus.BOOKED && a.startsAt().toInstant().isAfter(now))
                .sorted(Comparator.comparing(AppointmentView::startsAt)).toList();
    }

    @Override
    public Set<Long> withUpcoming(Collection<Long> patientIds) {
        return store.withUpcoming(patientIds, clock.instant());
    }

    @Override
    public AppointmentView appointment(long appointmentId) {
        return bookings.visible(appointmentId).view();
    }

    @Override
    // Each try in a transaction of its own (Bookings'), so that a retry after a concurrent booking starts afresh.
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public AppointmentView book(long clinicId, long patientId, long practitionerId, String typeCode,
            java.time.LocalDateTime start, java.time.LocalDateTime end, String note) {
        return org.follicle.system.Retries.onConcurrencyFailure(() -> bookings.book(new BookingInputs.Appointment(
                clinicId, patientId, practitionerId, null, typeCode, start, end, note, null))).appointment();
    }

    @Override
    public List<AppointmentView> ofPatient(long patientId) {
        return bookings.ofPatient(patientId);
    }

    @Override
    public AppointmentView attendedBySession(long appointmentId) {
        return bookings.attendedBySession(appointmentId);
    }

    /**
     * The aftercare email of a signed session, once the signing has committed, in a thread and a transaction of its
     * own: the signing does not wait for it, and the event publication log keeps the event until this succeeds
     * (offered again at the next start). The application acts here, not the user who signed.
     */
    @ApplicationModuleListener
    void sendAftercare(AppointmentAttended attended) {
        Appointment appointment = store.find(attended.appointmentId()).orElseThrow();
        ClinicView clinic = clinics.find(appointment.view().clinicId()).orElseThrow();
        patients.forCareMessage(appointment.organisationId(), appointment.view().patientId())
                .ifPresent(patient -> messages.aftercareNow(patient, appointment.organisationId(), clinic.name(),
                        appointment.view()));
    }

    @Override
    public byte[] aftercareSheet(long patientId, long clinicId, List<AppointmentView> visits) {
        return sheets.render(patientId, clinicId, visits);
    }

    @Override
    public void invite(PatientView patient, long clinicId, String courseName) {
        ClinicView clinic = bookings.clinicWith(clinicId, Privilege.SCHEDULE_MANAGE);
        messages.invitation(patient, clinic.organisationId(), clinic.id(), clinic.name(), courseName);
    }
}
