package org.follicle.sessions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.follicle.intake.Decision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions and their addenda in the database, mapped to {@link TreatmentSession}. Each write is guarded by the
 * version and the status it expects, and the database itself refuses to change a signed session.
 */
@Repository
class SessionStore {

    /** A session's columns, as the row mapper reads them; a write returns them too, saving a read after it. */
    private static final String COLUMNS = """
            id, organisation_id, clinic_id, patient_id, appointment_id, practitioner_id, modality, formula_id,
                precheck::text AS precheck, screening_decision, screening_findings::text AS findings, override_reason,
                chart::text AS chart, status, preparation_id, signed_at, signed_by, version, started_at, started_by
            """;

    private static final String SELECT = "SELECT " + COLUMNS + " FROM sessions_session ";

    private static final String RETURNING = " RETURNING " + COLUMNS;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    SessionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the session unless the appointment has one already; empty when it had (a retry, a double click). */
    Optional<TreatmentSession> insertOnce(long organisationId, long clinicId, long patientId, long appointmentId,
            long practitionerId, SessionModality modality, Long formulaId, SessionInputs.Precheck precheck,
            Decision decision, List<String> findings, String overrideReason, Instant at, String by) {
        return jdbc.sql("""
                INSERT INTO sessions_session (organisation_id, clinic_id, patient_id, appointment_id, practitioner_id,
                    modality, formula_id, precheck, screening_decision, screening_findings, override_reason, status,
                    started_at, started_by, changed_at, changed_by)
                VALUES (:org, :clinic, :patient, :appointment, :practitioner, :modality, :formula,
                    CAST(:precheck AS jsonb), :decision, CAST(:findings AS jsonb), :override, 'OPEN', :at, :by, :at, :by)
                ON CONFLICT (appointment_id) DO NOTHING""" + RETURNING)
                .param("org", organisationId).param("clinic", clinicId)
                .param("patient", patientId).param("appointment", appointmentId).param("practitioner", practitionerId)
                .param("modality", modality.name()).param("formula", formulaId)
                .param("precheck", json.writeValueAsString(precheck)).param("decision", decision.name())
                .param("findings", json.writeValueAsString(findings)).param("override", overrideReason)
                .param("at", Timestamp.from(at)).param("by", by).query(this::row).optional();
    }

    Optional<TreatmentSession> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::row).optional();
    }

    Optional<TreatmentSession> byAppointment(long appointmentId) {
        return jdbc.sql(SELECT + " WHERE appointment_id = :a").param("a", appointmentId).query(this::row).optional();
    }

    List<TreatmentSession> ofPatient(long patientId) {
        return jdbc.sql(SELECT + " WHERE patient_id = :p ORDER BY started_at DESC").param("p", patientId)
                .query(this::row).list();
    }

    /** The patient's sessions as the chart lists them, latest first: not their charts, which a list does not show. */
    List<SessionLine> linesOf(long patientId) {
        return jdbc.sql("""
                SELECT id, clinic_id, modality, status, started_at FROM sessions_session WHERE patient_id = :p
                ORDER BY started_at DESC""").param("p", patientId)
                .query((rs, n) -> new SessionLine(rs.getLong("id"), rs.getLong("clinic_id"),
                        SessionModality.valueOf(rs.getString("modality")),
                        TreatmentSession.Status.valueOf(rs.getString("status")),
                        rs.getTimestamp("started_at").toInstant()))
                .list();
    }

    /** Saves the chart of an open session; empty when the version is stale or the session is signed. */
    Optional<TreatmentSession> saveChart(long id, int version, SessionInputs.Chart chart, Instant at, String by) {
        return jdbc.sql("""
                UPDATE sessions_session SET chart = CAST(:chart AS jsonb), version = version + 1, changed_at = :at,
                    changed_by = :by
                WHERE id = :id AND version = :version AND status = 'OPEN'""" + RETURNING)
                .param("chart", json.writeValueAsString(chart)).param("at", Timestamp.from(at)).param("by", by)
                .param("id", id).param("version", version).query(this::row).optional();
    }

    /** Signs an open session; empty when the version is stale or the session is signed already. */
    Optional<TreatmentSession> sign(TreatmentSession.Signing signing, Long preparationId) {
        return jdbc.sql("""
                UPDATE sessions_session SET status = 'SIGNED', preparation_id = :preparation, signed_at = :at,
                    signed_by = :by, version = version + 1, changed_at = :at, changed_by = :by
                WHERE id = :id AND version = :version AND status = 'OPEN'""" + RETURNING)
                .param("preparation", preparationId).param("at", Timestamp.from(signing.at()))
                .param("by", signing.by()).param("id", signing.session().id())
                .param("version", signing.session().version()).query(this::row).optional();
    }

    void addendum(long sessionId, String text, String reason, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO sessions_addendum (session_id, text, reason, author, written_at)
                VALUES (:session, :text, :reason, :by, :at)""").param("session", sessionId).param("text", text)
                .param("reason", reason).param("by", by).param("at", Timestamp.from(at)).update();
    }

    List<Addendum> addenda(long sessionId) {
        return jdbc.sql("""
                SELECT id, text, reason, author, written_at FROM sessions_addendum WHERE session_id = :s ORDER BY id""")
                .param("s", sessionId).query(Addendum.class).list();
    }

    private TreatmentSession row(ResultSet rs, int n) throws SQLException {
        long formula = rs.getLong("formula_id");
        Long formulaId = rs.wasNull() ? null : formula;
        long preparation = rs.getLong("preparation_id");
        Long preparationId = rs.wasNull() ? null : preparation;
        Timestamp signed = rs.getTimestamp("signed_at");
        String chart = rs.getString("chart");
        return new TreatmentSession(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("clinic_id"),
                rs.getLong("patient_id"), rs.getLong("appointment_id"), rs.getLong("practitioner_id"),
                SessionModality.valueOf(rs.getString("modality")), formulaId,
                json.readValue(rs.getString("precheck"), SessionInputs.Precheck.class),
                Decision.valueOf(rs.getString("screening_decision")),
                List.of(json.readValue(rs.getString("findings"), String[].class)), rs.getString("override_reason"),
                chart == null || "{}".equals(chart) ? null : json.readValue(chart, SessionInputs.Chart.class),
                TreatmentSession.Status.valueOf(rs.getString("status")), preparationId,
                signed == null ? null : signed.toInstant(), rs.getString("signed_by"), rs.getInt("version"),
                rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"));
    }

    record SessionLine(long id, long clinicId, SessionModality modality, TreatmentSession.Status status,
            Instant startedAt) {

        public boolean signed() {
            return status == TreatmentSession.Status.SIGNED;
        }
    }

    record Addendum(long id, String text, String reason, String author, Instant writtenAt) {
    }
}
