package org.follicle.plans.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.formulary.FormulaSummary;
import org.follicle.formulary.PatientFormulas;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.plans.PlanChanged;
import org.follicle.scheduling.Agenda;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentRescheduled;
import org.follicle.scheduling.AppointmentStatus;
import org.follicle.scheduling.AppointmentType;
import org.follicle.scheduling.AppointmentView;
import org.follicle.scheduling.CourseBooking;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.follicle.system.StaleRecordException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Treatment plans: a protocol proposed as a course on the practitioner's agenda, booked in one step (all or none),
 * paused, resumed, stopped with a reason or completed; a moved session pushes the sessions after it by as much,
 * and a missed one is booked again at the next free time, pushing the rest.
 */
@Service
@Transactional
class Plans {

    static final String PLAN = "plan";

    private final PlanStore store;

    private final ProtocolLibrary protocols;

    private final AppointmentBook book;

    private final PatientRegistry patients;

    private final PatientFormulas formulas;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    Plans(PlanStore store, ProtocolLibrary protocols, AppointmentBook book, PatientRegistry patients,
            PatientFormulas formulas, ClinicDirectory clinics, ClinicAccess access, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.protocols = protocols;
        this.book = book;
        this.patients = patients;
        this.formulas = formulas;
        this.clinics = clinics;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where the course's visits would go on the practitioner's agenda; nothing is stored. */
    Proposal propose(PlanInput in) {
        ClinicView clinic = clinic(in.clinicId(), Privilege.SCHEDULE_MANAGE);
        PatientView patient = patients.openPatientOf(clinic.organisationId(), in.patientId());
        ProtocolLibrary.Protocol protocol = protocols.find(clinic.organisationId(), in.protocolCode())
                .orElseThrow(() -> BusinessRuleException.onField("protocolCode", "plan.unknownProtocol",
                        in.protocolCode()));
        checkFormula(patient, in.formulaId());
        if (in.startsOn().isBefore(today(clinic))) {
            throw BusinessRuleException.onField("startsOn", "plan.startPast");
        }
        return new Proposal(protocol.definition(), place(clinic, protocol.definition().visits(in.startsOn()),
                in.practitionerId(), in.roomId(), in.sessionTime()));
    }

    /** Plans a course (practitioners); booked at once when asked, else kept as a proposal. */
    TreatmentPlan create(PlanInput in, boolean bookNow) {
        ClinicView clinic = clinic(in.clinicId(), Privilege.CLINICAL_WRITE);
        Proposal proposal = propose(in);
        long id = store.insert(clinic.organisationId(), clinic.id(), in.patientId(), proposal.protocol(),
                in.formulaId(), in.practitionerId(), in.roomId(), in.startsOn(), in.sessionTime(), PlanStatus.PROPOSED,
                clock.instant(), access.current().username());
        events.publishEvent(new PlanChanged(id, in.patientId()));
        audit.record(AuditRecord.success(AuditAction.CREATE, PLAN, id, clinic.id()));
        TreatmentPlan plan = store.find(id).orElseThrow();
        return bookNow ? bookPlaced(plan, proposal.placed(), in.overrideReason(), PlanStatus.ACTIVE) : plan;
    }

    /** Books a proposed plan, from its start or a new one. */
    TreatmentPlan book(long planId, int version, LocalDate startsOn, String overrideReason) {
        TreatmentPlan plan = writable(planId, version);
        plan.requireProposed();
        ClinicView clinic = clinics.find(plan.clinicId()).orElseThrow();
        LocalDate start = startsOn == null ? plan.startsOn() : startsOn;
        if (start.isBefore(today(clinic))) {
            throw BusinessRuleException.onField("startsOn", "plan.startPast");
        }
        if (!start.equals(plan.startsOn())) {
            // The new start is published with the booking's status below.
            store.setStatus(planId, version, PlanStatus.PROPOSED, null, start, clock.instant(), by());
            plan = store.find(planId).orElseThrow();
        }
        return bookPlaced(plan, place(clinic, plan.protocol().visits(start), plan.practitionerId(), plan.roomId(),
                plan.sessionTime()), overrideReason, PlanStatus.ACTIVE);
    }

    /** Pauses a course: its upcoming appointments are cancelled with the reason. */
    TreatmentPlan pause(long planId, int version, String reason) {
        TreatmentPlan plan = writable(planId, version);
        TreatmentPlan.Change paused = plan.pause(reason);
        setStatus(plan, paused.status(), paused.reason(), null);
        book.cancelUpcoming(planId, paused.reason());
        return store.find(planId).orElseThrow();
    }

    /** Resumes a paused course from a day: the visits not yet attended are placed again from there. */
    TreatmentPlan resume(long planId, int version, LocalDate from, String overrideReason) {
        TreatmentPlan plan = writable(planId, version);
        plan.requireResumable();
        ClinicView clinic = clinics.find(plan.clinicId()).orElseThrow();
        if (from == null || from.isBefore(today(clinic))) {
            throw BusinessRuleException.onField("startsOn", "plan.startPast");
        }
        Set<Integer> attended = book.ofPlan(planId).stream().filter(a -> a.status() == AppointmentStatus.ATTENDED)
                .map(AppointmentView::planSequence).collect(Collectors.toSet());
        List<ProtocolDefinition.Visit> shifted = plan.resumedVisits(attended, from);
        return bookPlaced(plan, place(clinic, shifted, plan.practitionerId(), plan.roomId(), plan.sessionTime()),
                overrideReason, PlanStatus.ACTIVE);
    }

    /** Stops a course for good, with the reason; its upcoming appointments are cancelled. */
    TreatmentPlan stop(long planId, int version, String reason) {
        TreatmentPlan plan = writable(planId, version);
        TreatmentPlan.Change stopped = plan.stop(reason);
        setStatus(plan, stopped.status(), stopped.reason(), null);
        book.cancelUpcoming(planId, stopped.reason());
        return store.find(planId).orElseThrow();
    }

    /** Marks a course completed once no treatment session is still booked; maintenance recalls follow. */
    TreatmentPlan complete(long planId, int version) {
        TreatmentPlan plan = writable(planId, version);
        TreatmentPlan.Change completed = plan.complete(book.ofPlan(planId).stream()
                .anyMatch(a -> a.status() == AppointmentStatus.BOOKED && !ProtocolDefinition.FOLLOW_UP.equals(a.typeCode())));
        setStatus(plan, completed.status(), completed.reason(), null);
        return store.find(planId).orElseThrow();
    }

    /** A plan the user may see (audited), with its appointments. */
    @Audited(action = AuditAction.READ, recordType = PLAN, recordId = "#planId", clinicId = "#result.plan().clinicId()")
    PlanPage page(long planId) {
        TreatmentPlan plan = visible(planId);
        PatientView patient = patients.readablePatient(plan.patientId());
        ClinicView clinic = clinics.find(plan.clinicId()).orElseThrow();
        List<AppointmentView> appointments = book.ofPlan(planId);
        List<CourseScheduler.Placed> proposal = plan.status() == PlanStatus.PROPOSED
                && access.can(Privilege.SCHEDULE_MANAGE, plan.clinicId()) && !plan.startsOn().isBefore(today(clinic))
                        ? place(clinic, plan.protocol().visits(plan.startsOn()), plan.practitionerId(), plan.roomId(),
                                plan.sessionTime())
                        : List.of();
        String formula = plan.formulaId() == null ? null : formulas.of(plan.patientId()).stream()
                .filter(f -> f.id() == plan.formulaId()).map(FormulaSummary::name).findFirst().orElse(null);
        return new PlanPage(plan, patient, clinic, formula, plan.protocol().visits(plan.startsOn()), appointments,
                proposal);
    }

    List<TreatmentPlan> ofPatient(long patientId) {
        PatientView patient = patients.readablePatient(patientId);
        audit.record(AuditRecord.success(AuditAction.READ, PLAN, patientId, patient.clinicId()));
        // The patient on the portal sees their own courses, in whatever clinic.
        boolean self = access.signedInPatient().filter(me -> me.patientId() == patientId).isPresent();
        return store.ofPatient(patientId).stream()
                .filter(p -> self || access.can(Privilege.PATIENT_READ, p.clinicId())).toList();
    }

    /**
     * Adapts the course when reception moves one of its sessions later (the sessions after it move by as much)
     * or marks it missed or cancelled (it is booked again at the next free time, and the rest follow).
     */
    @EventListener
    void onRescheduled(AppointmentRescheduled event) {
        TreatmentPlan plan = store.find(event.planId()).orElse(null);
        if (plan == null || plan.status() != PlanStatus.ACTIVE) {
            return;
        }
        ClinicView clinic = clinics.find(plan.clinicId()).orElseThrow();
        Map<Integer, ProtocolDefinition.Visit> visits = plan.protocol().visits(plan.startsOn()).stream()
                .collect(Collectors.toMap(ProtocolDefinition.Visit::sequence, Function.identity()));
        LocalDate newDate = event.newDate();
        if (event.missed()) {
            newDate = rebook(plan, clinic, visits.get(event.planSequence()), event.previousDate()).orElse(null);
            if (newDate == null) {
                return;
            }
        }
        long delay = ChronoUnit.DAYS.between(event.previousDate(), newDate);
        if (delay <= 0) {
            return;
        }
        ZoneId zone = clinic.zone();
        List<AppointmentView> later = book.ofPlan(plan.id()).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED && a.planSequence() != null
                        && a.planSequence() > event.planSequence() && visits.containsKey(a.planSequence())
                        && visits.get(a.planSequence()).kind() == ProtocolDefinition.Visit.Kind.SESSION)
                .sorted(Comparator.comparing(AppointmentView::planSequence)).toList();
        if (later.isEmpty()) {
            return;
        }
        LocalDate from = later.get(0).startsAt().toLocalDate().plusDays(delay);
        LocalDate to = later.get(later.size() - 1).startsAt().toLocalDate().plusDays(delay
                + CourseScheduler.MAX_SHIFT_DAYS);
        Agenda agenda = book.agenda(plan.clinicId(), plan.practitionerId(), plan.roomId(), from, to);
        Map<String, AppointmentType> types = types(plan.organisationId());
        for (AppointmentView a : later) {
            ZonedDateTime current = a.startsAt().atZoneSameInstant(zone);
            Duration length = Duration.ofMinutes(types.get(a.typeCode()).durationMinutes());
            Optional<ZonedDateTime> slot = Optional.empty();
            for (LocalDate day = current.toLocalDate().plusDays(delay); slot.isEmpty()
                    && !day.isAfter(current.toLocalDate().plusDays(delay + CourseScheduler.MAX_SHIFT_DAYS));
                    day = day.plusDays(1)) {
                slot = agenda.slot(day, current.toLocalTime(), length);
            }
            slot.ifPresent(start -> {
                agenda.take(start.toInstant(), start.plus(length).toInstant());
                book.shift(a.id(), start);
            });
        }
        audit.record(new AuditRecord(AuditAction.UPDATE, PLAN, String.valueOf(plan.id()), plan.clinicId(),
                AuditOutcome.SUCCESS, "adapted by " + delay + " days"));
    }

    /** Books a missed session again at the next free time after it (from tomorrow at the earliest). */
    private Optional<LocalDate> rebook(TreatmentPlan plan, ClinicView clinic, ProtocolDefinition.Visit visit,
            LocalDate missedOn) {
        if (visit == null || visit.kind() != ProtocolDefinition.Visit.Kind.SESSION) {
            return Optional.empty();
        }
        LocalDate tomorrow = today(clinic).plusDays(1);
        LocalDate target = missedOn.plusDays(1).isAfter(tomorrow) ? missedOn.plusDays(1) : tomorrow;
        ProtocolDefinition.Visit again = new ProtocolDefinition.Visit(visit.sequence(), visit.kind(), visit.typeCode(),
                target, null);
        CourseScheduler.Placed placed = place(clinic, List.of(again), plan.practitionerId(), plan.roomId(),
                plan.sessionTime()).get(0);
        if (!placed.isPlaced()) {
            return Optional.empty();
        }
        book.bookCourse(new CourseBooking(plan.clinicId(), plan.patientId(), plan.practitionerId(), plan.roomId(),
                plan.id(), List.of(new CourseBooking.Visit(visit.sequence(), visit.typeCode(), placed.start())),
                null));
        return Optional.of(placed.start().toLocalDate());
    }

    private TreatmentPlan bookPlaced(TreatmentPlan plan, List<CourseScheduler.Placed> placed, String overrideReason,
            PlanStatus status) {
        placed.stream().filter(p -> !p.isPlaced()).findFirst().ifPresent(p -> {
            throw BusinessRuleException.onField("startsOn", "plan.unplaced", p.visit().sequence(), p.visit().target());
        });
        book.bookCourse(new CourseBooking(plan.clinicId(), plan.patientId(), plan.practitionerId(), plan.roomId(),
                plan.id(), placed.stream().map(p -> new CourseBooking.Visit(p.visit().sequence(),
                        p.visit().typeCode(), p.start())).toList(), overrideReason));
        setStatus(store.find(plan.id()).orElseThrow(), status, null, null);
        return store.find(plan.id()).orElseThrow();
    }

    private List<CourseScheduler.Placed> place(ClinicView clinic, List<ProtocolDefinition.Visit> visits,
            long practitionerId, Long roomId, LocalTime time) {
        Map<String, AppointmentType> types = types(clinic.organisationId());
        visits.stream().filter(v -> !types.containsKey(v.typeCode())).findFirst().ifPresent(v -> {
            throw BusinessRuleException.onField("protocolCode", "appointment.unknownType", v.typeCode());
        });
        if (visits.isEmpty()) {
            return List.of();
        }
        LocalDate from = visits.get(0).target();
        LocalDate to = visits.get(visits.size() - 1).target().plusDays(CourseScheduler.MAX_SHIFT_DAYS);
        Agenda agenda = book.agenda(clinic.id(), practitionerId, roomId, from, to);
        return CourseScheduler.place(visits, agenda, time, types);
    }

    private Map<String, AppointmentType> types(long organisationId) {
        return book.types(organisationId).stream().collect(Collectors.toMap(AppointmentType::code, t -> t));
    }

    private void setStatus(TreatmentPlan plan, PlanStatus status, String reason, LocalDate startsOn) {
        if (!store.setStatus(plan.id(), plan.version(), status, reason, startsOn, clock.instant(), by())) {
            throw new StaleRecordException(PLAN, plan.id());
        }
        audit.record(new AuditRecord(AuditAction.UPDATE, PLAN, String.valueOf(plan.id()), plan.clinicId(),
                AuditOutcome.SUCCESS, status.name()));
        events.publishEvent(new PlanChanged(plan.id(), plan.patientId()));
    }

    TreatmentPlan visible(long planId) {
        TreatmentPlan plan = store.find(planId).orElseThrow(() -> new RecordNotFoundException(PLAN, planId));
        access.requireVisible(Privilege.PATIENT_READ, plan.clinicId(), PLAN, planId);
        return plan;
    }

    private TreatmentPlan writable(long planId, int version) {
        TreatmentPlan plan = visible(planId);
        access.require(Privilege.SCHEDULE_MANAGE, plan.clinicId());
        if (plan.version() != version) {
            throw new StaleRecordException(PLAN, planId);
        }
        return plan;
    }

    private void checkFormula(PatientView patient, Long formulaId) {
        if (formulaId != null && formulas.of(patient.id()).stream()
                .noneMatch(f -> f.id() == formulaId && !f.voided())) {
            throw BusinessRuleException.onField("formulaId", "plan.unknownFormula", formulaId);
        }
    }

    ClinicView clinic(long clinicId, Privilege privilege) {
        return clinics.requireClinic(clinicId, privilege);
    }

    LocalDate today(ClinicView clinic) {
        return clinic.today(clock);
    }

    private String by() {
        return access.current().username();
    }

    /** A proposed course: every visit with where it would go. */
    record Proposal(ProtocolDefinition protocol, List<CourseScheduler.Placed> placed) {
    }

    /** What the plan page shows. */
    record PlanPage(TreatmentPlan plan, PatientView patient, ClinicView clinic, String formulaName,
            List<ProtocolDefinition.Visit> visits, List<AppointmentView> appointments,
            List<CourseScheduler.Placed> proposal) {
    }
}
