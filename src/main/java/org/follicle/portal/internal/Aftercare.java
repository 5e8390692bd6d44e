package org.follicle.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.sessions.PatientReports;
import org.follicle.sessions.PatientReports.TreatmentGiven;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aftercare of the patient's latest treatment, released once its session has started, and the patient's report
 * for each day after it. A report the patient marks as worrying reaches the clinic's side-effects list.
 */
@Service
@Transactional
class Aftercare {

    static final String CHECK_IN = "portal-checkin";

    /** Days after a treatment on which the patient reports how they are: the day itself and the week after. */
    static final int DAYS = 7;

    private final JdbcClient jdbc;

    private final PatientReports treatments;

    private final ClinicDirectory clinics;

    private final AuditLog audit;

    private final MessageSource texts;

    private final Clock clock;

    Aftercare(JdbcClient jdbc, PatientReports treatments, ClinicDirectory clinics, AuditLog audit, MessageSource texts,
            Clock clock) {
        this.jdbc = jdbc;
        this.treatments = treatments;
        this.clinics = clinics;
        this.audit = audit;
        this.clock = clock;
        this.texts = texts;
    }

    /** The latest treatment still within its aftercare days, with the reports made; empty when there is none. */
    @Transactional(readOnly = true)
    Optional<Course> current(PatientView patient) {
        Instant now = clock.instant();
        return treatments.treatmentsSince(patient.id(), now.minus(Duration.ofDays(DAYS + 1))).stream().findFirst()
                .map(t -> course(t, now)).filter(c -> c.today() <= DAYS);
    }

    /** Records the patient's report for today; a worrying one goes to the clinic's side-effects list. */
    void report(PatientView patient, long sessionId, CheckIn in) {
        Course course = current(patient).filter(c -> c.treatment().sessionId() == sessionId)
                .orElseThrow(() -> new RecordNotFoundException("session", sessionId));
        if (in.pain() == null || in.pain() < 0 || in.pain() > 10) {
            throw BusinessRuleException.onField("pain", "portal.checkin.painNeeded");
        }
        if (in.redness() == null) {
            throw BusinessRuleException.onField("redness", "portal.checkin.answerNeeded");
        }
        if (in.swelling() == null) {
            throw BusinessRuleException.onField("swelling", "portal.checkin.answerNeeded");
        }
        if (in.concern() == null) {
            throw BusinessRuleException.onField("concern", "portal.checkin.answerNeeded");
        }
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        if (note != null && note.length() > 1000) {
            throw BusinessRuleException.onField("note", "portal.checkin.noteTooLong", 1000);
        }
        int inserted = jdbc.sql("""
                INSERT INTO portal_checkin (organisation_id, clinic_id, patient_id, session_id, day_after, pain,
                    redness, swelling, note, concern, reported_at)
                VALUES (:org, :clinic, :patient, :session, :day, :pain, :redness, :swelling, :note, :concern, :now)
                ON CONFLICT (session_id, day_after) DO NOTHING""").param("org", patient.organisationId())
                .param("clinic", course.treatment().clinicId()).param("patient", patient.id())
                .param("session", sessionId).param("day", course.today()).param("pain", in.pain())
                .param("redness", in.redness()).param("swelling", in.swelling()).param("note", note)
                .param("concern", in.concern()).param("now", Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw new BusinessRuleException("portal.checkin.alreadyToday");
        }
        audit.record(AuditRecord.success(AuditAction.CREATE, CHECK_IN, sessionId, course.treatment().clinicId()));
        if (in.concern()) {
            treatments.reportConcern(patient.id(), sessionId, summary(course.today(), in, note));
        }
    }

    /** The report as the clinic reads it, written in the patient's language. */
    private String summary(int day, CheckIn in, String note) {
        var locale = LocaleContextHolder.getLocale();
        String text = texts.getMessage("portal.checkin.summary", new Object[] { day, in.pain(),
                texts.getMessage(in.redness() ? "portal.yes" : "portal.no", null, locale),
                texts.getMessage(in.swelling() ? "portal.yes" : "portal.no", null, locale),
                note == null ? "" : note }, locale);
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private Course course(TreatmentGiven treatment, Instant now) {
        ZoneId zone = clinics.find(treatment.clinicId()).orElseThrow().zone();
        LocalDate day = treatment.startedAt().atZone(zone).toLocalDate();
        int today = (int) java.time.temporal.ChronoUnit.DAYS.between(day, now.atZone(zone).toLocalDate());
        List<Integer> reported = jdbc.sql("SELECT day_after FROM portal_checkin WHERE session_id = :s ORDER BY day_after")
                .param("s", treatment.sessionId()).query(Integer.class).list();
        return new Course(treatment, day, today, reported);
    }

    /** A treatment's aftercare: the day it was given, how many days ago, and the days reported on. */
    record Course(TreatmentGiven treatment, LocalDate day, int today, List<Integer> reported) {

        public boolean reportedToday() {
            return reported.contains(today);
        }

        public boolean prp() {
            return "PRP".equals(treatment.modality());
        }
    }

    /** A day's report; every answer is required, none is taken as no. */
    record CheckIn(Integer pain, Boolean redness, Boolean swelling, Boolean concern, String note) {
    }
}
