package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.patients.PatientRegistry;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.sessions.SessionSigned;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses sold to patients: a signed session of the course's treatment uses one of its sessions, in the signing's
 * transaction; a cancelled course gives back what was not used, pro rata, by a credit note.
 */
@Service
@Transactional
class Courses {

    static final String COURSE = "billing-course";

    private final CourseStore store;

    private final Invoices invoices;

    private final InvoiceStore invoiceStore;

    private final PriceList prices;

    private final AppointmentBook appointments;

    private final ClinicDirectory clinics;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final MessageSource texts;

    private final Clock clock;

    Courses(CourseStore store, Invoices invoices, InvoiceStore invoiceStore, PriceList prices,
            AppointmentBook appointments,
            ClinicDirectory clinics, PatientRegistry patients, ClinicAccess access, AuditLog audit,
            MessageSource texts, Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.invoiceStore = invoiceStore;
        this.prices = prices;
        this.appointments = appointments;
        this.clinics = clinics;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.texts = texts;
        this.clock = clock;
    }

    /** The patient's courses in the clinics where the user may see billing, newest first. */
    @Audited(action = AuditAction.READ, recordType = COURSE, recordId = "#patientId")
    @Transactional(readOnly = true)
    List<Course> ofPatient(long patientId) {
        patients.readablePatient(patientId);
        return held(patientId);
    }

    /** The courses of {@link #held}, each with its status today. */
    @Transactional(readOnly = true)
    List<Held> heldToday(long patientId) {
        return held(patientId).stream().map(course -> new Held(course, course.status(today(course.clinicId()))))
                .toList();
    }

    /**
     * As {@link #ofPatient}, for a page that has read the patient and audits its billing once (the chart, with the
     * invoices; a plan's page, with the plan).
     */
    @Transactional(readOnly = true)
    List<Course> held(long patientId) {
        return store.ofPatient(patientId).stream().filter(c -> access.can(Privilege.BILLING_READ, c.clinicId()))
                .toList();
    }

    @Audited(action = AuditAction.READ, recordType = COURSE, recordId = "#courseId", clinicId = "#result.clinicId()")
    @Transactional(readOnly = true)
    Course course(long courseId) {
        return visible(courseId, Privilege.BILLING_READ);
    }

    /** The day in the clinic, for a course's status. */
    LocalDate today(long clinicId) {
        return clinics.find(clinicId).orElseThrow().today(clock);
    }

    /**
     * A signed session uses a session of the patient's course of its treatment, if the patient has one to use that
     * day. In the signing's transaction: a signed session and the course it used commit together or not at all.
     */
    @EventListener
    void on(SessionSigned signed) {
        LocalDate day = clinics.find(signed.clinicId()).orElseThrow()
                .today(Clock.fixed(signed.signedAt(), java.time.ZoneOffset.UTC));
        // Most patients bought no course: the signing then reads nothing more.
        if (!store.anyValid(signed.clinicId(), signed.patientId(), day)) {
            return;
        }
        String type = appointments.appointment(signed.appointmentId()).typeCode();
        store.useOne(signed.clinicId(), signed.patientId(), type, day, signed.sessionId())
                .ifPresent(course -> audit.record(new AuditRecord(AuditAction.UPDATE, COURSE, String.valueOf(course),
                        signed.clinicId(), AuditOutcome.SUCCESS, "session " + signed.sessionId() + " used")));
    }

    /**
     * Cancels a course: the sessions not used are credited at the course's price pro rata, by a credit note of the
     * invoice that sold it. Refused when every session was used, when it expired (what was not used by then is
     * lost, as sold) or when it is cancelled already.
     *
     * @return the credit note
     */
    Invoice cancel(long courseId, Cancellation in) {
        visible(courseId, Privilege.BILLING_WRITE);
        Course course = store.lock(courseId).orElseThrow();
        if (course.cancelledAt() != null) {
            throw new BusinessRuleException("course.cancelledAlready");
        }
        if (course.remaining() <= 0) {
            throw new BusinessRuleException("course.usedUp");
        }
        if (course.status(today(course.clinicId())) == Course.Status.EXPIRED) {
            throw new BusinessRuleException("course.expiredNoRefund", course.validUntil());
        }
        Invoice sold = invoiceStore.find(course.invoiceId()).orElseThrow();
        Invoice.Line line = sold.lines().get(course.linePosition() - 1);
        BigDecimal unused = line.net().multiply(BigDecimal.valueOf(course.remaining()))
                .divide(BigDecimal.valueOf(course.sessions()), 2, RoundingMode.HALF_UP);
        String description = texts.getMessage("course.creditLine",
                new Object[] { course.name(), course.remaining(), course.sessions() },
                prices.documentLanguage(course.patientId()));
        Invoice note = invoices.credit(course.invoiceId(), new Invoices.CreditNote(in.reason(), List.of(
                new Invoices.LineInput(null, description, BigDecimal.ONE, unused, line.vatCategory()))));
        store.cancel(courseId, in.reason().strip(), note.id(), clock.instant(), access.current().username());
        audit.record(new AuditRecord(AuditAction.UPDATE, COURSE, String.valueOf(courseId), course.clinicId(),
                AuditOutcome.SUCCESS, "cancelled, credit note " + note.displayNumber()));
        return note;
    }

    private Course visible(long courseId, Privilege privilege) {
        Course course = store.find(courseId).orElseThrow(() -> new RecordNotFoundException(COURSE, courseId));
        access.requireVisible(privilege, course.clinicId(), COURSE, courseId);
        return course;
    }

    /** A course with its status today. */
    record Held(Course course, Course.Status status) {
    }

    record Cancellation(@NotBlank @Size(max = 2000) String reason) {
    }
}
