package org.follicle.outcomes.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Follow-up visits in PostgreSQL. No access checks here. */
@Repository
class FollowUpStore {

    private static final String COLUMNS = """
            id, clinic_id, patient_id, plan_id, milestone, months, visit_on, assessment_id, baseline_photo_id,
            current_photo_id, global_score, global_rated_by, satisfaction::text AS satisfaction, satisfaction_score,
            adverse_events, adverse_note, notes, voided, void_reason, recorded_at, recorded_by""";

    private final JdbcClient jdbc;

    private final JsonMapper json;

    FollowUpStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return the new row's id, or empty when the milestone already has a follow-up in force */
    Optional<Long> insert(long organisationId, long clinicId, long patientId, int months, FollowUpInput in,
            BigDecimal satisfactionScore, String ratedBy, String by, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", organisationId);
        p.put("clinic", clinicId);
        p.put("patient", patientId);
        p.put("plan", in.planId());
        p.put("milestone", in.milestone());
        p.put("months", months);
        p.put("on", in.visitOn());
        p.put("assessment", in.assessmentId());
        p.put("baseline", in.baselinePhotoId());
        p.put("current", in.currentPhotoId());
        p.put("score", in.globalScore());
        p.put("ratedBy", ratedBy);
        p.put("satisfaction", in.satisfaction() == null || in.satisfaction().isEmpty() ? null
                : json.writeValueAsString(in.satisfaction()));
        p.put("satisfactionScore", satisfactionScore);
        p.put("adverse", in.adverseEvents().name());
        p.put("adverseNote", blank(in.adverseNote()));
        p.put("notes", blank(in.notes()));
        p.put("now", Timestamp.from(now));
        p.put("by", by);
        // The partial unique index (plan, months) where not voided decides between two simultaneous recordings.
        return jdbc.sql("""
                INSERT INTO outcomes_follow_up (organisation_id, clinic_id, patient_id, plan_id, milestone, months,
                    visit_on, assessment_id, baseline_photo_id, current_photo_id, global_score, global_rated_by,
                    satisfaction, satisfaction_score, adverse_events, adverse_note, notes, recorded_at, recorded_by)
                VALUES (:org, :clinic, :patient, :plan, :milestone, :months, :on, :assessment, :baseline, :current,
                    :score, :ratedBy, CAST(:satisfaction AS jsonb), :satisfactionScore, :adverse, :adverseNote,
                    :notes, :now, :by)
                ON CONFLICT (plan_id, months) WHERE NOT voided DO NOTHING
                RETURNING id""").params(p).query(Long.class).optional();
    }

    Optional<FollowUp> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outcomes_follow_up WHERE id = :id").param("id", id)
                .query(this::row).optional();
    }

    /** The patient's follow-ups, voided ones included, in visit order. */
    List<FollowUp> ofPatient(long patientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outcomes_follow_up WHERE patient_id = :patient "
                + "ORDER BY visit_on, id").param("patient", patientId).query(this::row).list();
    }

    boolean voidFollowUp(long id, String reason, String by, Instant now) {
        return jdbc.sql("""
                UPDATE outcomes_follow_up SET voided = TRUE, void_reason = :reason, voided_by = :by, voided_at = :now
                WHERE id = :id AND NOT voided""").param("id", id).param("reason", reason).param("by", by)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    private FollowUp row(ResultSet rs, int n) throws SQLException {
        String satisfaction = rs.getString("satisfaction");
        Map<SatisfactionItem, Integer> answers = new EnumMap<>(SatisfactionItem.class);
        if (satisfaction != null) {
            answers.putAll(json.readValue(satisfaction, new TypeReference<Map<SatisfactionItem, Integer>>() {
            }));
        }
        return new FollowUp(rs.getLong("id"), rs.getLong("clinic_id"), rs.getLong("patient_id"),
                rs.getLong("plan_id"), rs.getString("milestone"), rs.getInt("months"),
                rs.getObject("visit_on", LocalDate.class), rs.getObject("assessment_id", Long.class),
                rs.getObject("baseline_photo_id", Long.class), rs.getObject("current_photo_id", Long.class),
                rs.getObject("global_score", Integer.class), rs.getString("global_rated_by"), answers,
                rs.getBigDecimal("satisfaction_score"),
                FollowUpInput.AdverseCheck.valueOf(rs.getString("adverse_events")), rs.getString("adverse_note"),
                rs.getString("notes"), rs.getBoolean("voided"), rs.getString("void_reason"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A recorded follow-up visit. */
    record FollowUp(long id, long clinicId, long patientId, long planId, String milestone, int months,
            LocalDate visitOn, Long assessmentId, Long baselinePhotoId, Long currentPhotoId, Integer globalScore,
            String globalRatedBy, Map<SatisfactionItem, Integer> satisfaction, BigDecimal satisfactionScore,
            FollowUpInput.AdverseCheck adverseEvents, String adverseNote, String notes, boolean voided,
            String voidReason, Instant recordedAt, String recordedBy) {
    }
}
