package org.follicle.sessions.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.formulary.Stock;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.sessions.AdverseEventRecorded;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.follicle.system.StaleRecordException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adverse events: recorded by the clinic's staff, related to a session (and so to its lots), followed until their
 * outcome. Each change keeps the version before it.
 */
@Service
@Transactional
class AdverseEvents {

    static final String EVENT = "adverse-event";

    private static final String SELECT = """
            SELECT e.id, e.clinic_id, e.patient_id, upper(p.family_name) || ', ' || p.given_name AS patient_name,
                p.file_number, e.session_id, s.preparation_id, e.kind, e.description, e.onset_on, e.severity,
                e.relation, e.action_taken, e.outcome, e.follow_up_on, e.version, e.recorded_at, e.recorded_by
            FROM sessions_adverse_event e JOIN patients_patient p ON p.id = e.patient_id
            LEFT JOIN sessions_session s ON s.id = e.session_id
            """;

    private final JdbcClient jdbc;

    private final SessionStore sessions;

    private final Stock stock;

    private final PatientRegistry patients;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final JsonMapper json;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    AdverseEvents(JdbcClient jdbc, SessionStore sessions, Stock stock, PatientRegistry patients,
            ClinicDirectory clinics, ClinicAccess access, AuditLog audit, JsonMapper json, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.stock = stock;
        this.patients = patients;
        this.clinics = clinics;
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    Event record(Input in) {
        ClinicView clinic = clinics.requireClinic(in.clinicId(), Privilege.PATIENT_WRITE);
        PatientView patient = patients.openPatientOf(clinic.organisationId(), in.patientId());
        if (in.sessionId() != null && sessions.find(in.sessionId())
                .filter(s -> s.patientId() == patient.id()).isEmpty()) {
            throw BusinessRuleException.onField("sessionId", "adverseEvent.unknownSession", in.sessionId());
        }
        checkDates(in);
        Instant now = clock.instant();
        String by = access.current().username();
        long id = jdbc.sql("""
                INSERT INTO sessions_adverse_event (organisation_id, clinic_id, patient_id, session_id, kind, description,
                    onset_on, severity, relation, action_taken, outcome, follow_up_on, recorded_at, recorded_by,
                    changed_at, changed_by)
                VALUES (:org, :clinic, :patient, :session, :kind, :description, :onset, :severity, :relation, :action,
                    :outcome, :followUp, :now, :by, :now, :by) RETURNING id""").param("org", clinic.organisationId())
                .param("clinic", clinic.id()).param("patient", patient.id()).param("session", in.sessionId())
                .param("kind", in.kind().name()).param("description", in.description()).param("onset", in.onsetOn())
                .param("severity", in.severity().name()).param("relation", in.relation().name())
                .param("action", in.actionTaken()).param("outcome", in.outcome().name())
                .param("followUp", in.followUpOn()).param("now", Timestamp.from(now)).param("by", by)
                .query(Long.class).single();
        audit.record(AuditRecord.success(AuditAction.CREATE, EVENT, id, clinic.id()));
        events.publishEvent(new AdverseEventRecorded(id, in.patientId(), false));
        return find(id).orElseThrow();
    }

    /** Updates the action taken, the outcome and the follow-up (and corrects the rest); the version before stays. */
    Event amend(long id, int version, Input in) {
        Event current = visible(id);
        access.require(Privilege.PATIENT_WRITE, current.clinicId());
        if (current.version() != version) {
            throw new StaleRecordException(EVENT, id);
        }
        checkDates(in);
        jdbc.sql("""
                INSERT INTO sessions_adverse_event_revision (event_id, version, snapshot, changed_at, changed_by)
                VALUES (:id, :version, CAST(:snapshot AS jsonb), :now, :by)""").param("id", id)
                .param("version", current.version()).param("snapshot", json.writeValueAsString(current))
                .param("now", Timestamp.from(clock.instant())).param("by", access.current().username()).update();
        int updated = jdbc.sql("""
                UPDATE sessions_adverse_event SET kind = :kind, description = :description, onset_on = :onset,
                    severity = :severity, relation = :relation, action_taken = :action, outcome = :outcome,
                    follow_up_on = :followUp, version = version + 1, changed_at = :now, changed_by = :by
                WHERE id = :id AND version = :version""").param("kind", in.kind().name())
                .param("description", in.description()).param("onset", in.onsetOn())
                .param("severity", in.severity().name()).param("relation", in.relation().name())
                .param("action", in.actionTaken()).param("outcome", in.outcome().name())
                .param("followUp", in.followUpOn()).param("now", Timestamp.from(clock.instant()))
                .param("by", access.current().username()).param("id", id).param("version", version).update();
        if (updated != 1) {
            throw new StaleRecordException(EVENT, id);
        }
        audit.record(AuditRecord.success(AuditAction.UPDATE, EVENT, id, current.clinicId()));
        events.publishEvent(new AdverseEventRecorded(id, current.patientId(), true));
        return find(id).orElseThrow();
    }

    Event visible(long id) {
        Event event = find(id).orElseThrow(() -> new RecordNotFoundException(EVENT, id));
        access.requireVisible(Privilege.PATIENT_READ, event.clinicId(), EVENT, id);
        audit.record(AuditRecord.success(AuditAction.READ, EVENT, id, event.clinicId()));
        return event;
    }

    /** The clinic's events, newest first, filtered by severity, kind, outcome and onset dates. */
    List<Event> list(long clinicId, Severity severity, Kind kind, Outcome outcome, LocalDate from, LocalDate to,
            boolean followUpDue) {
        clinics.requireClinic(clinicId, Privilege.PATIENT_READ);
        List<Event> events = jdbc.sql(SELECT + """
                WHERE e.clinic_id = :clinic AND (CAST(:severity AS TEXT) IS NULL OR e.severity = :severity)
                  AND (CAST(:kind AS TEXT) IS NULL OR e.kind = :kind)
                  AND (CAST(:outcome AS TEXT) IS NULL OR e.outcome = :outcome)
                  AND (CAST(:from AS DATE) IS NULL OR e.onset_on >= :from)
                  AND (CAST(:to AS DATE) IS NULL OR e.onset_on <= :to)
                  AND (NOT :due OR (e.follow_up_on <= :today AND e.outcome IN ('ONGOING', 'UNKNOWN')))
                ORDER BY e.onset_on DESC, e.id DESC LIMIT 500""").param("clinic", clinicId)
                .param("severity", severity == null ? null : severity.name())
                .param("kind", kind == null ? null : kind.name()).param("outcome", outcome == null ? null : outcome.name())
                .param("from", from).param("to", to).param("due", followUpDue)
                .param("today", LocalDate.now(clock)).query(Event.class).list();
        audit.record(new AuditRecord(AuditAction.SEARCH, EVENT, null, clinicId,
                org.follicle.security.AuditOutcome.SUCCESS, events.size() + " events"));
        return events;
    }

    /** Serious events still ongoing in the clinics, for the dashboard. */
    long seriousOngoing(Collection<Long> clinicIds) {
        if (clinicIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                SELECT count(*) FROM sessions_adverse_event
                WHERE clinic_id IN (:clinics) AND severity = 'SERIOUS' AND outcome IN ('ONGOING', 'UNKNOWN')""")
                .param("clinics", clinicIds).query(Long.class).single();
    }

    /** Events whose follow-up day has come while they are not resolved: the clinic's to-do list. */
    long followUpsDue(Collection<Long> clinicIds, LocalDate today) {
        if (clinicIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                SELECT count(*) FROM sessions_adverse_event
                WHERE clinic_id IN (:clinics) AND follow_up_on <= :today AND outcome IN ('ONGOING', 'UNKNOWN')""")
                .param("clinics", clinicIds).param("today", today).query(Long.class).single();
    }

    /** The lots the patient received in the event's session: the way to their recall view. */
    List<Long> lotsOf(Event event) {
        return event.preparationId() == null ? List.of() : stock.lotsOfPreparation(event.preparationId());
    }

    /** The same lots by their numbers and products, as people read them. */
    List<org.follicle.formulary.UsableLot> lotsByNumber(Event event) {
        List<Long> ids = lotsOf(event);
        return ids.isEmpty() ? List.of() : stock.lots(event.clinicId(), ids);
    }

    /** A patient's events, newest first (the chart's and the session's list); audited as one read. */
    List<Event> ofPatient(long patientId) {
        PatientView patient = patients.readablePatient(patientId);
        audit.record(AuditRecord.success(AuditAction.READ, EVENT, patientId, patient.clinicId()));
        return jdbc.sql(SELECT + " WHERE e.patient_id = :patient ORDER BY e.onset_on DESC, e.id DESC")
                .param("patient", patientId).query(Event.class).list().stream()
                .filter(e -> access.can(Privilege.PATIENT_READ, e.clinicId())).toList();
    }

    /** The versions an event had before each change, newest first, with who changed it and when. */
    List<Revision> revisions(long id) {
        return jdbc.sql("""
                SELECT version, snapshot::text AS snapshot, changed_at, changed_by FROM sessions_adverse_event_revision
                WHERE event_id = :id ORDER BY version DESC""").param("id", id)
                .query((rs, n) -> new Revision(rs.getInt("version"), json.readValue(rs.getString("snapshot"),
                        Event.class), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by")))
                .list();
    }

    /** An event as it was before a change. */
    record Revision(int version, Event before, Instant changedAt, String changedBy) {
    }

    private Optional<Event> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(Event.class).optional();
    }

    private void checkDates(Input in) {
        if (in.followUpOn() != null && in.followUpOn().isBefore(in.onsetOn())) {
            throw BusinessRuleException.onField("followUpOn", "adverseEvent.followUpBeforeOnset");
        }
    }

    /** The coded kinds of knowledge-base §1c (and OTHER, described). */
    enum Kind {
        PAIN, BRUISING, OEDEMA, FRONTAL_OEDEMA, ERYTHEMA, ITCHING, PAPULES, HEADACHE, NAUSEA, INFECTION,
        ALLERGIC_REACTION, PATCHY_HAIR_LOSS, OTHER
    }

    enum Severity {
        MILD, MODERATE, SEVERE, SERIOUS
    }

    /** How likely the session caused it. */
    enum Relation {
        UNRELATED, UNLIKELY, POSSIBLE, PROBABLE, CERTAIN
    }

    enum Outcome {
        ONGOING, RESOLVED, RESOLVED_WITH_SEQUELAE, UNKNOWN
    }

    record Input(@NotNull Long clinicId, @NotNull Long patientId, Long sessionId, @NotNull Kind kind,
            @Size(max = 1000) String description, @NotNull @PastOrPresent LocalDate onsetOn, @NotNull Severity severity,
            @NotNull Relation relation, @Size(max = 1000) String actionTaken, @NotNull Outcome outcome,
            LocalDate followUpOn) {
    }

    record Event(long id, long clinicId, long patientId, String patientName, String fileNumber, Long sessionId,
            Long preparationId, Kind kind, String description, LocalDate onsetOn, Severity severity,
            Relation relation, String actionTaken, Outcome outcome, LocalDate followUpOn, int version,
            Instant recordedAt, String recordedBy) {
    }
}
