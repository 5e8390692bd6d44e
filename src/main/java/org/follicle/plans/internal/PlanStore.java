package org.follicle.plans.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.follicle.system.ReadOnce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Treatment plans in the database; a plan keeps its protocol as it stood when planned. */
@Repository
class PlanStore {

    private static final String SELECT = """
            SELECT id, organisation_id, clinic_id, patient_id, protocol_code, protocol::text AS protocol, formula_id,
                practitioner_id, room_id, starts_on, session_time, status, status_reason, invited_at, version,
                created_at, created_by
            FROM plans_plan
            """;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    PlanStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long organisationId, long clinicId, long patientId, ProtocolDefinition protocol, Long formulaId,
            long practitionerId, Long roomId, LocalDate startsOn, LocalTime time, PlanStatus status, Instant at,
            String by) {
        return jdbc.sql("""
                INSERT INTO plans_plan (organisation_id, clinic_id, patient_id, protocol_code, protocol, formula_id,
                    practitioner_id, room_id, starts_on, session_time, status, created_at, created_by, changed_at,
                    changed_by)
                VALUES (:org, :clinic, :patient, :code, CAST(:protocol AS jsonb), :formula, :practitioner, :room,
                    :starts, :time, :status, :at, :by, :at, :by) RETURNING id""").param("org", organisationId)
                .param("clinic", clinicId).param("patient", patientId).param("code", protocol.code())
                .param("protocol", json.writeValueAsString(protocol)).param("formula", formulaId)
                .param("practitioner", practitionerId).param("room", roomId).param("starts", startsOn)
                .param("time", time).param("status", status.name()).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    Optional<TreatmentPlan> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::row).optional();
    }

    /** Read once in a read-only transaction (ReadOnce): a chart page's sections ask for them twice. */
    List<TreatmentPlan> ofPatient(long patientId) {
        return ReadOnce.read(this, "ofPatient", patientId,
                () -> jdbc.sql(SELECT + " WHERE patient_id = :patient ORDER BY id DESC").param("patient", patientId)
                        .query(this::row).list());
    }

    /** Plans under way or completed in the clinics, whose protocol has maintenance: the recall list's candidates. */
    List<TreatmentPlan> withMaintenance(Collection<Long> clinicIds) {
        if (clinicIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 WHERE clinic_id IN (:clinics) AND status IN ('ACTIVE', 'COMPLETED')
                   AND jsonb_typeof(protocol -> 'maintenance') = 'string'""").param("clinics", clinicIds)
                .query(this::row).list();
    }

    boolean setStatus(long id, int version, PlanStatus status, String reason, LocalDate startsOn, Instant at,
            String by) {
        return jdbc.sql("""
                UPDATE plans_plan SET status = :status, status_reason = :reason,
                    starts_on = COALESCE(:starts, starts_on), version = version + 1, changed_at = :at, changed_by = :by
                WHERE id = :id AND version = :version""").param("status", status.name()).param("reason", reason)
                .param("starts", startsOn).param("at", Timestamp.from(at)).param("by", by).param("id", id)
                .param("version", version).update() == 1;
    }

    void invited(long id, Instant at) {
        jdbc.sql("UPDATE plans_plan SET invited_at = :at WHERE id = :id").param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    private TreatmentPlan row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long formula = rs.getLong("formula_id");
        Long formulaId = rs.wasNull() ? null : formula;
        long room = rs.getLong("room_id");
        Long roomId = rs.wasNull() ? null : room;
        Timestamp invited = rs.getTimestamp("invited_at");
        return new TreatmentPlan(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("clinic_id"),
                rs.getLong("patient_id"), json.readValue(rs.getString("protocol"), ProtocolDefinition.class),
                formulaId, rs.getLong("practitioner_id"), roomId, rs.getObject("starts_on", LocalDate.class),
                rs.getObject("session_time", LocalTime.class), PlanStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), invited == null ? null : invited.toInstant(), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
