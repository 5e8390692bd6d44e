package org.follicle.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.clinics.RoomView;
import org.follicle.intake.Decision;
import org.follicle.intake.ReviewedScreening;
import org.follicle.intake.Screening;
import org.follicle.intake.ScreeningResult;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.scheduling.Agenda;
import org.follicle.scheduling.AppointmentStatus;
import org.follicle.scheduling.AppointmentType;
import org.follicle.scheduling.AppointmentView;
import org.follicle.scheduling.CourseBooking;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.security.StaffDirectory;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.follicle.system.StaleRecordException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking, moving and closing appointments. Each booking is checked against the clinic's hours and closures, the
 * practitioner's working hours, the patient's screening and the shortest interval between treatments; the last
 * two a practitioner may override with a written reason (audited). Double booking is refused by the database.
 */
@Service
@Transactional
class Bookings {

    static final String APPOINTMENT = "appointment";

    private final AppointmentStore store;

    private final SchedulingSettings settings;

    private final Messages messages;

    private final ClinicDirectory clinics;

    private final PatientRegistry patients;

    private final StaffDirectory staff;

    private final Screening screening;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final MessageSource texts;

    private final Clock clock;

    Bookings(AppointmentStore store, SchedulingSettings settings, Messages messages, ClinicDirectory clinics,
            PatientRegistry patients, StaffDirectory staff, Screening screening, ClinicAccess access, AuditLog audit,
            ApplicationEventPublisher events, MessageSource texts, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.messages = messages;
        this.clinics = clinics;
        this.patients = patients;
        this.staff = staff;
        this.screening = screening;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.texts = texts;
        this.clock = clock;
    }

    /** Books one appointment and queues its emails; returns it with what reception should know. */
    Booked book(BookingInputs.Appointment in) {
        ClinicView clinic = clinicWith(in.clinicId(), Privilege.SCHEDULE_MANAGE);
        PatientView patient = patients.openPatientOf(clinic.organisationId(), in.patientId());
        Long roomId = room(clinic, in.roomId());
        practitioner(clinic, in.practitionerId());
        AppointmentType type = type(clinic.organisationId(), in.typeCode());
        ZoneId zone = clinic.zone();
        ZonedDateTime start = in.start().atZone(zone);
        Duration length = length(type, in.start(), in.end());
        checkTime(clinic, in.practitionerId(), roomId, start, length);
        List<String> warnings = new ArrayList<>();
        String override = clinicalChecks(clinic, patient, type, start, null, in.overrideReason(), warnings);
        CurrentStaff me = access.current();
        long id = store.insert(new AppointmentStore.NewAppointment(clinic.organisationId(), clinic.id(), patient.id(),
                in.practitionerId(), roomId, type.code(), start.toInstant(), start.plus(length).toInstant(), null, null,
                blank(in.note()), override, clock.instant(), me.username()));
        audit.record(AuditRecord.success(AuditAction.CREATE, APPOINTMENT, id, clinic.id()));
        AppointmentView view = store.find(id).orElseThrow().view();
        messages.booked(patient, clinic.organisationId(), clinic.name(), view, type.treatment());
        return new Booked(view, warnings);
    }

    /** Books a course's appointments, all or none, with one confirmation listing them. */
    List<AppointmentView> bookCourse(CourseBooking course) {
        ClinicView clinic = clinicWith(course.clinicId(), Privilege.SCHEDULE_MANAGE);
        PatientView patient = patients.openPatientOf(clinic.organisationId(), course.patientId());
        Long roomId = room(clinic, course.roomId());
        practitioner(clinic, course.practitionerId());
        List<AppointmentType> types = settings.types(clinic.organisationId());
        CurrentStaff me = access.current();
        List<AppointmentView> booked = new ArrayList<>();
        for (CourseBooking.Visit visit : course.visits()) {
            AppointmentType type = type(types, visit.typeCode());
            Duration length = Duration.ofMinutes(type.durationMinutes());
            checkTime(clinic, course.practitionerId(), roomId, visit.start(), length);
            String override = clinicalChecks(clinic, patient, type, visit.start(), null, course.overrideReason(),
                    new ArrayList<>());
            long id = store.insert(new AppointmentStore.NewAppointment(clinic.organisationId(), clinic.id(),
                    patient.id(), course.practitionerId(), roomId, type.code(), visit.start().toInstant(),
                    visit.start().plus(length).toInstant(), course.planId(), visit.sequence(), null, override,
                    clock.instant(), me.username()));
            audit.record(AuditRecord.success(AuditAction.CREATE, APPOINTMENT, id, clinic.id()));
            booked.add(store.find(id).orElseThrow().view());
        }
        if (!booked.isEmpty()) {
            messages.courseBooked(patient, clinic.organisationId(), clinic.name(), booked,
                    a -> type(types, a.typeCode()).treatment());
        }
        return booked;
    }

    /**
     * Moves an appointment to another time (and room), with the same checks as a booking. A plan's session that
     * moves lets the plan adapt the sessions after it.
     */
    Booked move(long id, int version, BookingInputs.Move in) {
        Appointment stored = writable(id);
        AppointmentView a = stored.view();
        stored.requireBooked();
        ClinicView clinic = clinics.find(a.clinicId()).orElseThrow();
        PatientView patient = patients.readablePatient(a.patientId());
        AppointmentType type = type(stored.organisationId(), a.typeCode());
        Long roomId = in.roomId() == null ? a.roomId() : room(clinic, in.roomId());
        ZonedDateTime start = in.start().atZone(stored.zone());
        Duration length = length(type, in.start(), in.end());
        checkTime(clinic, a.practitionerId(), roomId, start, length);
        List<String> warnings = new ArrayList<>();
        String override = clinicalChecks(clinic, patient, type, start, a, in.overrideReason(), warnings);
        LocalDate previous = stored.day();
        reschedule(stored, version, start, length, roomId, override);
        AppointmentView moved = store.find(id).orElseThrow().view();
        messages.moved(patient, stored.organisationId(), clinic.name(), moved, type.treatment());
        stored.moved(previous, start.toLocalDate()).ifPresent(events::publishEvent);
        return new Booked(store.find(id).orElseThrow().view(), warnings);
    }

    /**
     * Moves a plan's later session when the plan adapts to a moved or missed one: the clinic's hours still hold,
     * but no event is published (the plan is the one moving it).
     */
    AppointmentView shift(long id, ZonedDateTime start) {
        Appointment stored = writable(id);
        AppointmentView a = stored.view();
        ClinicView clinic = clinics.find(a.clinicId()).orElseThrow();
        AppointmentType type = type(stored.organisationId(), a.typeCode());
        Duration length = Duration.ofMinutes(type.durationMinutes());
        checkTime(clinic, a.practitionerId(), a.roomId(), start, length);
        reschedule(stored, a.version(), start, length, a.roomId(), null);
        AppointmentView moved = store.find(id).orElseThrow().view();
        messages.moved(patients.readablePatient(a.patientId()), stored.organisationId(), clinic.name(), moved,
                type.treatment());
        return moved;
    }

    /**
     * A booking by the patient on the portal: reception's checks, without override. What the screening says stays
     * with the clinic; the patient is only asked to contact it.
     */
    AppointmentView bookByPatient(PatientView patient, long practitionerId, String typeCode, ZonedDateTime start) {
        ClinicView clinic = clinics.find(patient.clinicId()).orElseThrow();
        if (patient.voided()) {
            throw new BusinessRuleException("portal.booking.contactClinic");
        }
        practitioner(clinic, practitionerId);
        AppointmentType type = type(clinic.organisationId(), typeCode);
        Duration length = Duration.ofMinutes(type.durationMinutes());
        checkTime(clinic, practitionerId, null, start, length);
        onlineChecks(clinic, patient, type, start, null);
        long id = store.insert(new AppointmentStore.NewAppointment(clinic.organisationId(), clinic.id(), patient.id(),
                practitionerId, null, type.code(), start.toInstant(), start.plus(length).toInstant(), null, null,
                null, null, clock.instant(), access.actorName()));
        audit.record(AuditRecord.success(AuditAction.CREATE, APPOINTMENT, id, clinic.id()));
        AppointmentView view = store.find(id).orElseThrow().view();
        messages.booked(patient, clinic.organisationId(), clinic.name(), view, type.treatment());
        return view;
    }

    /** The patient moves their appointment on the portal, before the notice period, under a booking's checks. */
    AppointmentView moveByPatient(PatientView patient, long id, ZonedDateTime start) {
        Appointment stored = ownBeforeNotice(patient, id);
        AppointmentView a = stored.view();
        ClinicView clinic = clinics.find(a.clinicId()).orElseThrow();
        AppointmentType type = type(stored.organisationId(), a.typeCode());
        Duration length = Duration.ofMinutes(type.durationMinutes());
        checkTime(clinic, a.practitionerId(), a.roomId(), start, length);
        onlineChecks(clinic, patient, type, start, a);
        LocalDate previous = stored.day();
        reschedule(stored, a.version(), start, length, a.roomId(), null);
        AppointmentView moved = store.find(id).orElseThrow().view();
        messages.moved(patient, stored.organisationId(), clinic.name(), moved, type.treatment());
        stored.moved(previous, start.toLocalDate()).ifPresent(events::publishEvent);
        return moved;
    }

    /**
     * Reception's clinical checks without override, for the patient: a treatment needs a screening that clears it
     * (what needs a physician's look goes through the clinic); what the screening says stays with the clinic.
     */
    private void onlineChecks(ClinicView clinic, PatientView patient, AppointmentType type, ZonedDateTime start,
            AppointmentView moving) {
        if (type.treatment()) {
            ReviewedScreening reviewed = screening.screenWithReview(patient.id(), type.modality(), start.toLocalDate());
            if (reviewed.result().decision() != Decision.ELIGIBLE && !reviewed.cleared()) {
                throw refusedOnline(clinic, reviewed.result().decision().name());
            }
        }
        try {
            clinicalChecks(clinic, patient, type, start, moving, null, new ArrayList<>());
        }
        catch (BusinessRuleException e) {
            if (e.messageKey().startsWith("appointment.screening")) {
                throw refusedOnline(clinic, e.messageKey());
            }
            if (e.messageKey().equals("appointment.intervalTooShort")) {
                throw BusinessRuleException.onField("start", "portal.booking.tooSoon", e.arguments());
            }
            throw e;
        }
    }

    /** The patient's own booked appointment, still outside the clinic's notice period; another's is not found. */
    private Appointment ownBeforeNotice(PatientView patient, long id) {
        Appointment stored = store.find(id).filter(a -> a.view().patientId() == patient.id())
                .orElseThrow(() -> new RecordNotFoundException(APPOINTMENT, id));
        stored.requireBooked();
        Duration notice = settings.cancellationNotice(stored.organisationId());
        if (stored.view().startsAt().toInstant().minus(notice).isBefore(clock.instant())) {
            throw new BusinessRuleException("portal.booking.tooLateToCancel", notice.toHours());
        }
        return stored;
    }

    private BusinessRuleException refusedOnline(ClinicView clinic, String why) {
        audit.record(new AuditRecord(AuditAction.CREATE, APPOINTMENT, null, clinic.id(), AuditOutcome.DENIED, why));
        return new BusinessRuleException("portal.booking.contactClinic");
    }

    /** The free starts of a visit of that type with the practitioner on a day, for the patient to choose from. */
    List<ZonedDateTime> freeStarts(PatientView patient, long practitionerId, String typeCode, LocalDate day) {
        ClinicView clinic = clinics.find(patient.clinicId()).orElseThrow();
        practitioner(clinic, practitionerId);
        AppointmentType type = type(clinic.organisationId(), typeCode);
        ZoneId zone = clinic.zone();
        Agenda agenda = new Agenda(zone, settings.openingHours(clinic.id()),
                settings.workingHours(clinic.id(), practitionerId), settings.closures(clinic.id(), day, day),
                store.busy(practitionerId, null, day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant()));
        Instant now = clock.instant();
        return agenda.freeStarts(day, Duration.ofMinutes(type.durationMinutes())).stream()
                .filter(start -> start.toInstant().isAfter(now)).toList();
    }

    /** The patient cancels on the portal, before the clinic's notice period. */
    AppointmentView cancelByPatient(PatientView patient, long id, String reason) {
        Appointment stored = ownBeforeNotice(patient, id);
        AppointmentView a = stored.view();
        String why = blank(reason) == null ? text("portal.booking.cancelledOnline") : blank(reason);
        Appointment.Closing closing = stored.close(AppointmentStatus.CANCELLED, why, clock.instant());
        store(closing, a.version());
        ClinicView clinic = clinics.find(a.clinicId()).orElseThrow();
        messages.cancelled(patient, stored.organisationId(), clinic.name(), a);
        closing.rescheduled().ifPresent(events::publishEvent);
        return store.find(id).orElseThrow().view();
    }

    /** The patient's appointments, the latest first; the caller has established who the patient is. */
    List<AppointmentView> ofOwnPatient(PatientView patient) {
        List<AppointmentView> list = store.ofPatient(patient.id()).stream().map(Appointment::view).toList();
        audit.record(AuditRecord.success(AuditAction.READ, "patient-appointments", patient.id(), patient.clinicId()));
        return list;
    }

    /** Cancels (with a reason), marks missed, or marks attended. */
    AppointmentView close(long id, int version, BookingInputs.Outcome in) {
        Appointment stored = writable(id);
        AppointmentView a = stored.view();
        Appointment.Closing closing = stored.close(in.status(), blank(in.reason()), clock.instant());
        store(closing, version);
        ClinicView clinic = clinics.find(a.clinicId()).orElseThrow();
        if (in.status() == AppointmentStatus.CANCELLED) {
            messages.cancelled(patients.readablePatient(a.patientId()), stored.organisationId(), clinic.name(), a);
        }
        else if (in.status() == AppointmentStatus.NO_SHOW) {
            messages.missed(a);
        }
        closing.rescheduled().ifPresent(events::publishEvent);
        return store.find(id).orElseThrow().view();
    }

    /** A signed session: its booked appointment is attended, and its aftercare follows; an attended one stays so. */
    AppointmentView attendedBySession(long id) {
        Appointment stored = writable(id);
        return stored.attendedBySession().map(closing -> {
            store(closing, stored.view().version());
            closing.attended().ifPresent(events::publishEvent);
            return closing.after();
        }).orElse(stored.view());
    }

    private void store(Appointment.Closing closing, int version) {
        AppointmentView a = closing.appointment().view();
        if (!store.close(closing, version, clock.instant(), access.actorName())) {
            throw new StaleRecordException(APPOINTMENT, a.id());
        }
        audit.record(new AuditRecord(AuditAction.UPDATE, APPOINTMENT, String.valueOf(a.id()), a.clinicId(),
                AuditOutcome.SUCCESS, closing.status().name()));
    }

    /** An appointment the user may see; 404 otherwise. */
    Appointment visible(long id) {
        Appointment stored = store.find(id).orElseThrow(() -> new RecordNotFoundException(APPOINTMENT, id));
        access.requireVisible(Privilege.PATIENT_READ, stored.view().clinicId(), APPOINTMENT, id);
        audit.record(AuditRecord.success(AuditAction.READ, APPOINTMENT, id, stored.view().clinicId()));
        return stored;
    }

    /** The appointments of the clinic's calendar between two days (in the clinic's zone), without cancelled ones. */
    List<AppointmentView> calendar(long clinicId, LocalDate from, LocalDate to, Long practitionerId, Long roomId,
            boolean withCancelled) {
        ClinicView clinic = clinicWith(clinicId, Privilege.PATIENT_READ);
        ZoneId zone = clinic.zone();
        if (to.isBefore(from)) {
            throw BusinessRuleException.onField("to", "appointment.rangeBackwards");
        }
        if (from.plusDays(62).isBefore(to)) {
            throw BusinessRuleException.onField("to", "appointment.rangeTooLong", 62);
        }
        List<AppointmentView> list = store.inClinics(List.of(clinicId), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), practitionerId, roomId, withCancelled).stream()
                .map(Appointment::view).toList();
        audit.record(new AuditRecord(AuditAction.SEARCH, APPOINTMENT, null, clinicId, AuditOutcome.SUCCESS,
                list.size() + " appointments"));
        return list;
    }

    /** The free-slot view of a practitioner (and room) over some days, for proposing a course. */
    Agenda agenda(long clinicId, long practitionerId, Long roomId, LocalDate from, LocalDate to) {
        ClinicView clinic = clinicWith(clinicId, Privilege.SCHEDULE_MANAGE);
        practitioner(clinic, practitionerId);
        ZoneId zone = clinic.zone();
        return new Agenda(zone, settings.openingHours(clinicId), settings.workingHours(clinicId, practitionerId),
                settings.closures(clinicId, from, to), store.busy(practitionerId, room(clinic, roomId),
                        from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    List<AppointmentType> types(long organisationId) {
        return settings.types(organisationId);
    }

    List<AppointmentType> myTypes() {
        return settings.types(access.current().organisationId());
    }

    /** The patient's appointments, newest first (audited). */
    List<AppointmentView> ofPatient(long patientId) {
        PatientView patient = patients.readablePatient(patientId);
        List<AppointmentView> list = store.ofPatient(patient.id()).stream().map(Appointment::view)
                .filter(a -> access.can(Privilege.PATIENT_READ, a.clinicId())).toList();
        audit.record(AuditRecord.success(AuditAction.READ, "patient-appointments", patient.id(), patient.clinicId()));
        return list;
    }

    ClinicView clinicWith(long clinicId, Privilege privilege) {
        return clinics.requireClinic(clinicId, privilege);
    }

    private Appointment writable(long id) {
        Appointment stored = visible(id);
        access.require(Privilege.SCHEDULE_MANAGE, stored.view().clinicId());
        return stored;
    }

    private void reschedule(Appointment stored, int version, ZonedDateTime start, Duration length,
            Long roomId, String override) {
        long id = stored.view().id();
        if (!store.move(id, version, start.toInstant(), start.plus(length).toInstant(), roomId, override,
                clock.instant(), access.actorName())) {
            throw new StaleRecordException(APPOINTMENT, id);
        }
        audit.record(new AuditRecord(AuditAction.UPDATE, APPOINTMENT, String.valueOf(id), stored.view().clinicId(),
                AuditOutcome.SUCCESS, "moved"));
    }

    private void practitioner(ClinicView clinic, long practitionerId) {
        if (!staff.isPractitionerIn(practitionerId, clinic.id())) {
            throw BusinessRuleException.onField("practitionerId", "appointment.unknownPractitioner", practitionerId);
        }
    }

    private Long room(ClinicView clinic, Long roomId) {
        if (roomId == null) {
            return null;
        }
        return clinics.roomsOf(clinic.id()).stream().filter(r -> r.id() == roomId && r.active()).map(RoomView::id)
                .findFirst()
                .orElseThrow(() -> BusinessRuleException.onField("roomId", "appointment.unknownRoom", roomId));
    }

    private AppointmentType type(long organisationId, String code) {
        return type(settings.types(organisationId), code);
    }

    private static AppointmentType type(List<AppointmentType> types, String code) {
        return types.stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> BusinessRuleException.onField("typeCode", "appointment.unknownType", code));
    }

    private static Duration length(AppointmentType type, LocalDateTime start, LocalDateTime end) {
        if (end == null) {
            return Duration.ofMinutes(type.durationMinutes());
        }
        if (!end.isAfter(start)) {
            throw BusinessRuleException.onField("end", "appointment.endBeforeStart");
        }
        Duration length = Duration.between(start, end);
        if (length.toMinutes() > 480) {
            throw BusinessRuleException.onField("end", "appointment.tooLong");
        }
        return length;
    }

    /** The time itself: not past, within the clinic's hours and the practitioner's, not a closure. */
    private void checkTime(ClinicView clinic, long practitionerId, Long roomId, ZonedDateTime start, Duration length) {
        if (start.toInstant().isBefore(clock.instant())) {
            throw BusinessRuleException.onField("start", "appointment.past");
        }
        LocalDate day = start.withZoneSameInstant(clinic.zone()).toLocalDate();
        Agenda agenda = new Agenda(clinic.zone(), settings.openingHours(clinic.id()),
                settings.workingHours(clinic.id(), practitionerId), settings.closures(clinic.id(), day, day),
                List.of());
        agenda.problemAt(start, length).ifPresent(problem -> {
            throw switch (problem.kind()) {
                case CLOSED -> BusinessRuleException.onField("start", "appointment.closed", day, problem.detail());
                case OUTSIDE_OPENING_HOURS -> BusinessRuleException.onField("start", "appointment.outsideOpeningHours");
                case OUTSIDE_WORKING_HOURS -> BusinessRuleException.onField("start", "appointment.outsideWorkingHours");
            };
        });
    }

    /**
     * The screening and the minimum interval. What only needs attention goes into the warnings; what should stop
     * the booking stops it unless a practitioner gives a reason, which is kept and audited. Returns the reason
     * kept, if any.
     */
    private String clinicalChecks(ClinicView clinic, PatientView patient, AppointmentType type, ZonedDateTime start,
            AppointmentView moving, String overrideReason, List<String> warnings) {
        if (!type.treatment()) {
            return null;
        }
        List<BusinessRuleException> blocking = new ArrayList<>();
        LocalDate day = start.toLocalDate();
        ReviewedScreening reviewed = screening.screenWithReview(patient.id(), type.modality(), day);
        ScreeningResult result = reviewed.result();
        if (reviewed.cleared() && result.decision() != Decision.ELIGIBLE) {
            // A practitioner already accepted treatment for this screening: reception is told, not stopped.
            warnings.add(text("appointment.screeningCleared", reviewed.reviewerName(), reviewed.reviewReason() == null
                    ? "" : reviewed.reviewReason()));
        }
        else if (result.decision() == Decision.NOT_ELIGIBLE) {
            blocking.add(BusinessRuleException.onField("overrideReason", "appointment.screeningNotEligible"));
        }
        else if (result.decision() == Decision.DEFERRED
                && (result.deferredUntil() == null || result.deferredUntil().isAfter(day))) {
            blocking.add(BusinessRuleException.onField("overrideReason", result.deferredUntil() == null
                    ? "appointment.screeningDeferred" : "appointment.screeningDeferredUntil", result.deferredUntil()));
        }
        else if (result.decision() == Decision.NEEDS_PHYSICIAN_REVIEW) {
            warnings.add(text("appointment.screeningNeedsReview"));
        }
        if (type.minimumIntervalDays() > 0) {
            List<Instant> near = store.treatmentsNear(patient.id(), type.code(), start.toInstant(),
                    type.minimumIntervalDays(), moving == null ? null : moving.id(),
                    moving == null ? null : moving.planId(), moving == null ? null : moving.planSequence());
            if (!near.isEmpty()) {
                blocking.add(BusinessRuleException.onField("overrideReason", "appointment.intervalTooShort",
                        type.minimumIntervalDays(), near.get(0).atZone(start.getZone()).toLocalDate()));
            }
        }
        if (blocking.isEmpty()) {
            return null;
        }
        String reason = blank(overrideReason);
        if (reason == null) {
            throw blocking.get(0);
        }
        if (!access.can(Privilege.CLINICAL_WRITE, clinic.id())) {
            audit.record(new AuditRecord(AuditAction.BOOKING_OVERRIDE, "patient", String.valueOf(patient.id()),
                    clinic.id(), AuditOutcome.DENIED, codes(blocking)));
            throw BusinessRuleException.onField("overrideReason", "appointment.overrideNeedsPractitioner");
        }
        if (reason.length() < 10) {
            throw BusinessRuleException.onField("overrideReason", "appointment.overrideReasonShort", 10);
        }
        audit.record(new AuditRecord(AuditAction.BOOKING_OVERRIDE, "patient", String.valueOf(patient.id()),
                clinic.id(), AuditOutcome.SUCCESS, codes(blocking)));
        return reason;
    }

    private String text(String key, Object... args) {
        return texts.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String codes(List<BusinessRuleException> problems) {
        return problems.stream().map(BusinessRuleException::messageKey).collect(Collectors.joining(","));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A booking and what reception should know about it (a screening that needs review). */
    record Booked(AppointmentView appointment, List<String> warnings) {
    }
}
