package org.follicle.intake.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.follicle.intake.Decision;
import org.follicle.intake.Modality;
import org.follicle.intake.RuleClass;
import org.follicle.intake.ScreeningResult;
import org.follicle.system.ReadOnce;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Intake answers, screening reviews and screening settings in PostgreSQL. No access checks here. */
@Repository
class IntakeStore {

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final RowMapper<IntakeForm> form;

    IntakeStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.form = (rs, n) -> new IntakeForm(rs.getLong("id"), rs.getLong("patient_id"),
                rs.getInt("questionnaire_version"), json.readTree(rs.getString("document")),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"));
    }

    long insert(long organisationId, long clinicId, long patientId, int questionnaireVersion, JsonNode document,
            Instant now, String by) {
        return jdbc.sql("""
                INSERT INTO intake_form (organisation_id, clinic_id, patient_id, questionnaire_version, document,
                    recorded_at, recorded_by)
                VALUES (:org, :clinic, :patient, :version, CAST(:document AS JSONB), :now, :by) RETURNING id""")
                .param("org", organisationId).param("clinic", clinicId).param("patient", patientId)
                .param("version", questionnaireVersion).param("document", json.writeValueAsString(document))
                .param("now", Timestamp.from(now)).param("by", by).query(Long.class).single();
    }

    /** Read once in a read-only transaction (ReadOnce): a chart page's sections ask for it twice. */
    Optional<IntakeForm> current(long patientId) {
        return ReadOnce.read(this, "current", patientId,
                () -> jdbc.sql("SELECT * FROM intake_form WHERE patient_id = :patient ORDER BY id DESC LIMIT 1")
                        .param("patient", patientId).query(form).optional());
    }

    Optional<Long> patientOf(long formId) {
        return jdbc.sql("SELECT patient_id FROM intake_form WHERE id = :id").param("id", formId).query(Long.class)
                .optional();
    }

    List<IntakeForm> history(long patientId) {
        return jdbc.sql("SELECT * FROM intake_form WHERE patient_id = :patient ORDER BY id DESC")
                .param("patient", patientId).query(form).list();
    }

    void insertReview(long organisationId, long clinicId, long patientId, long intakeFormId, Modality modality,
            Decision decision, List<String> covers, ReviewKind kind, String reason, String username, String name,
            Instant now) {
        jdbc.sql("""
                INSERT INTO intake_review (organisation_id, clinic_id, patient_id, intake_form_id, modality, decision,
                    covers, kind, reason, reviewed_by, reviewer_name, reviewed_at)
                VALUES (:org, :clinic, :patient, :form, :modality, :decision, CAST(:covers AS jsonb), :kind, :reason,
                    :by, :name, :now)""")
                .param("org", organisationId).param("clinic", clinicId).param("patient", patientId)
                .param("form", intakeFormId).param("modality", modality.name()).param("decision", decision.name())
                .param("covers", json.writeValueAsString(covers)).param("kind", kind.name()).param("reason", reason)
                .param("by", username).param("name", name).param("now", Timestamp.from(now)).update();
    }

    /** The patient's latest review for a modality, if it still covers this screening of these answers. */
    Optional<Review> review(long patientId, long intakeFormId, Modality modality, ScreeningResult result) {
        return Optional.ofNullable(latestReviews(patientId).get(modality))
                .filter(review -> ReviewCoverage.covers(review, intakeFormId, result));
    }

    /** Each modality's latest review, read once in a read-only transaction: the chart screens for each modality. */
    private Map<Modality, Review> latestReviews(long patientId) {
        return ReadOnce.read(this, "reviews", patientId, () -> jdbc.sql("""
                SELECT DISTINCT ON (modality) modality, intake_form_id, kind, decision, covers::text AS covers, reason,
                    reviewer_name, reviewed_at
                FROM intake_review WHERE patient_id = :patient ORDER BY modality, id DESC""")
                .param("patient", patientId)
                .query((rs, n) -> Map.entry(Modality.valueOf(rs.getString("modality")),
                        new Review(rs.getLong("intake_form_id"), ReviewKind.valueOf(rs.getString("kind")),
                                Decision.valueOf(rs.getString("decision")), covers(rs.getString("covers")),
                                rs.getString("reason"), rs.getString("reviewer_name"),
                                rs.getObject("reviewed_at", OffsetDateTime.class).toInstant())))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private List<String> covers(String covers) {
        if (covers == null) {
            return null;
        }
        List<String> keys = new java.util.ArrayList<>();
        json.readTree(covers).forEach(k -> keys.add(k.asString()));
        return List.copyOf(keys);
    }

    ScreeningSettings settings(long organisationId) {
        return jdbc.sql("""
                SELECT nsaid_window_days, aspirin_window_days, anticoagulant_class, bleeding_disorder_class
                FROM intake_setting WHERE organisation_id = :org""")
                .param("org", organisationId)
                .query((rs, n) -> new ScreeningSettings(rs.getInt(1), rs.getInt(2), RuleClass.valueOf(rs.getString(3)),
                        RuleClass.valueOf(rs.getString(4))))
                .optional().orElse(ScreeningSettings.DEFAULTS);
    }

    void saveSettings(long organisationId, ScreeningSettings settings, Instant now, String by) {
        jdbc.sql("""
                INSERT INTO intake_setting (organisation_id, nsaid_window_days, aspirin_window_days, anticoagulant_class,
                    bleeding_disorder_class, changed_at, changed_by)
                VALUES (:org, :days, :aspirinDays, :class, :bleedingClass, :now, :by)
                ON CONFLICT (organisation_id) DO UPDATE SET nsaid_window_days = :days,
                    aspirin_window_days = :aspirinDays, anticoagulant_class = :class,
                    bleeding_disorder_class = :bleedingClass, changed_at = :now, changed_by = :by""")
                .param("org", organisationId).param("days", settings.nsaidWindowDays())
                .param("aspirinDays", settings.aspirinWindowDays())
                .param("class", settings.anticoagulantClass().name())
                .param("bleedingClass", settings.bleedingDisorderClass().name()).param("now", Timestamp.from(now))
                .param("by", by).update();
    }

    /** One saved set of answers. */
    record IntakeForm(long id, long patientId, int questionnaireVersion, JsonNode document, Instant recordedAt,
            String recordedBy) {
    }

    enum ReviewKind {
        /** A practitioner reviewed a screening that needed it and accepts treatment. */
        SIGN_OFF,
        /** A practitioner treats despite a deferral or exclusion, for a written reason. */
        OVERRIDE
    }

    /**
     * A sign-off or override as the chart shows it.
     *
     * @param covers the findings it was given for ({@link ReviewCoverage#findingsOf}), or {@code null} for a review
     *        recorded before reviews named them
     */
    record Review(long intakeFormId, ReviewKind kind, Decision decision, List<String> covers, String reason,
            String reviewerName, Instant reviewedAt) {
    }
}
