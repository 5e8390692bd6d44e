package org.follicle.plans.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.ApiPage;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.PageQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recall list: patients whose maintenance is overdue (the benefits fade within 6 to 12 months without it),
 * oldest first, leaving out those who already have an appointment to come; one click emails an invitation.
 */
@Service
@Transactional
class Recalls {

    private final PlanStore store;

    private final AppointmentBook book;

    private final PatientRegistry patients;

    private final ClinicDirectory clinics;

    private final Plans plans;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    Recalls(PlanStore store, AppointmentBook book, PatientRegistry patients, ClinicDirectory clinics, Plans plans,
            ClinicAccess access, AuditLog audit, Clock clock) {
        this.store = store;
        this.book = book;
        this.patients = patients;
        this.clinics = clinics;
        this.plans = plans;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    ApiPage<Recall> overdue(PageQuery page) {
        List<TreatmentPlan> candidates = store.withMaintenance(access.clinicsWith(Privilege.PATIENT_READ));
        Map<Long, Instant> last = book.lastAttended(candidates.stream().map(TreatmentPlan::id).toList());
        Set<Long> booked = book.withUpcoming(candidates.stream().map(TreatmentPlan::patientId).toList());
        // One line per patient: their most recent plan.
        Map<Long, TreatmentPlan> latest = new HashMap<>();
        candidates.stream().filter(p -> last.containsKey(p.id()) && !booked.contains(p.patientId()))
                .forEach(p -> latest.merge(p.patientId(), p, (a, b) -> a.id() > b.id() ? a : b));
        Map<Long, org.follicle.clinics.ClinicView> clinicsById = new HashMap<>();
        List<Recall> due = new ArrayList<>();
        Map<Long, PatientView> names = patients.readablePatients(latest.keySet());
        for (TreatmentPlan p : latest.values()) {
            org.follicle.clinics.ClinicView clinic = clinicsById.computeIfAbsent(p.clinicId(),
                    c -> clinics.find(c).orElseThrow());
            LocalDate lastVisit = last.get(p.id()).atZone(clinic.zone()).toLocalDate();
            LocalDate dueOn = lastVisit.plus(p.protocol().maintenance());
            LocalDate today = clinic.today(clock);
            PatientView patient = names.get(p.patientId());
            if (dueOn.isBefore(today) && patient != null) {
                due.add(new Recall(p.id(), p.patientId(), patient.displayName(), patient.fileNumber(), patient.email(),
                        p.protocol().code(), p.protocol().names(), lastVisit, dueOn,
                        ChronoUnit.DAYS.between(dueOn, today), p.invitedAt()));
            }
        }
        due.sort(Comparator.comparing(Recall::dueOn).thenComparing(Recall::planId));
        audit.record(new AuditRecord(AuditAction.SEARCH, "recall", null, null, AuditOutcome.SUCCESS,
                due.size() + " overdue"));
        int from = (int) Math.min(page.offset(), due.size());
        return page.page(due.subList(from, Math.min(from + page.size(), due.size())), due.size());
    }

    /** Emails the patient an invitation to book their maintenance, in their language, and notes when. */
    void invite(long planId) {
        TreatmentPlan plan = plans.visible(planId);
        access.require(Privilege.SCHEDULE_MANAGE, plan.clinicId());
        if (plan.protocol().maintenance() == null) {
            throw new BusinessRuleException("recall.noMaintenance");
        }
        PatientView patient = patients.readablePatient(plan.patientId());
        java.util.Locale locale = org.follicle.system.Languages.supported(patient.preferredLanguage());
        book.invite(patient, plan.clinicId(), plan.protocol().name(locale == null ? java.util.Locale.ENGLISH : locale));
        store.invited(planId, clock.instant());
        audit.record(new AuditRecord(AuditAction.CREATE, "recall-invitation", String.valueOf(planId), plan.clinicId(),
                AuditOutcome.SUCCESS, null));
    }

    /** A patient to call back. */
    record Recall(long planId, long patientId, String patientName, String fileNumber, String email,
            String protocolCode, Map<String, String> protocolNames, LocalDate lastVisit, LocalDate dueOn,
            long daysOverdue, Instant invitedAt) {
    }
}
