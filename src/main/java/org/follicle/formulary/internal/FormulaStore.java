package org.follicle.formulary.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.follicle.intake.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Formulas and their ingredients in PostgreSQL; ingredients of a list are read in one query. No access checks. */
@Repository
class FormulaStore {

    private static final String COLUMNS = """
            SELECT id, organisation_id, clinic_id, patient_id, code, template_id, name, indication, modality,
                volume_ml, technique, notes, source, voided, void_reason, created_at, created_by, exclusion_reason
            FROM formulary_formula""";

    private final JdbcClient jdbc;

    FormulaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Long organisationId, Long clinicId, Long patientId, String code, Long templateId, FormulaInput f,
            String source, String by, Instant now) {
        long id = jdbc.sql("""
                INSERT INTO formulary_formula (organisation_id, clinic_id, patient_id, code, template_id, name,
                    indication, modality, volume_ml, technique, notes, source, created_at, created_by)
                VALUES (:org, :clinic, :patient, :code, :template, :name, :indication, :modality, :volume,
                    :technique, :notes, :source, :now, :by) RETURNING id""")
                .param("org", organisationId).param("clinic", clinicId).param("patient", patientId)
                .param("code", code).param("template", templateId).param("name", f.name().trim())
                .param("indication", f.indication().name()).param("modality", f.modality().name())
                .param("volume", f.volumeMl()).param("technique", f.technique().name())
                .param("notes", f.notes() == null || f.notes().isBlank() ? null : f.notes().trim())
                .param("source", source).param("now", Timestamp.from(now)).param("by", by)
                .query(Long.class).single();
        for (int i = 0; i < f.ingredients().size(); i++) {
            FormulaInput.Component c = f.ingredients().get(i);
            jdbc.sql("""
                    INSERT INTO formulary_formula_ingredient (formula_id, position, ingredient_code, concentration,
                        unit) VALUES (:id, :position, :code, :concentration, :unit)""")
                    .param("id", id).param("position", i).param("code", c.code())
                    .param("concentration", c.concentration())
                    .param("unit", c.unit() == null || c.unit().isBlank() ? null : c.unit().trim()).update();
        }
        return id;
    }

    /** The practitioner's reason to write a formula the screening excludes, kept with the formula as written. */
    void recordExclusionReason(long id, String reason) {
        jdbc.sql("UPDATE formulary_formula SET exclusion_reason = :reason WHERE id = :id AND exclusion_reason IS NULL")
                .param("id", id).param("reason", reason).update();
    }

    Optional<FormulaView> find(long id) {
        return withIngredients(jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(this::row).list())
                .stream().findFirst();
    }

    Optional<Long> shippedTemplate(String code) {
        return jdbc.sql("SELECT id FROM formulary_formula WHERE organisation_id IS NULL AND code = :code")
                .param("code", code).query(Long.class).optional();
    }

    /** The shipped templates and the organisation's own, shipped first. */
    List<FormulaView> templates(long organisationId) {
        return withIngredients(jdbc.sql(COLUMNS + """
                 WHERE patient_id IS NULL AND NOT voided AND (organisation_id IS NULL OR organisation_id = :org)
                ORDER BY organisation_id NULLS FIRST, id""").param("org", organisationId).query(this::row).list());
    }

    List<FormulaView> ofPatient(long patientId) {
        return withIngredients(jdbc.sql(COLUMNS + " WHERE patient_id = :patient ORDER BY voided, id DESC")
                .param("patient", patientId).query(this::row).list());
    }

    boolean voidFormula(long id, String reason) {
        return jdbc.sql("UPDATE formulary_formula SET voided = TRUE, void_reason = :reason WHERE id = :id AND NOT voided")
                .param("reason", reason).param("id", id).update() == 1;
    }

    private List<FormulaView> withIngredients(List<FormulaView> formulas) {
        if (formulas.isEmpty()) {
            return formulas;
        }
        Map<Long, List<FormulaInput.Component>> parts = new HashMap<>();
        jdbc.sql("""
                SELECT formula_id, ingredient_code, concentration, unit FROM formulary_formula_ingredient
                WHERE formula_id IN (:ids) ORDER BY formula_id, position""")
                .param("ids", formulas.stream().map(FormulaView::id).toList())
                .query((rs, n) -> parts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new FormulaInput.Component(rs.getString(2), rs.getBigDecimal(3), rs.getString(4))))
                .list();
        return formulas.stream().map(f -> f.withIngredients(List.copyOf(parts.getOrDefault(f.id(), List.of()))))
                .toList();
    }

    private FormulaView row(ResultSet rs, int n) throws SQLException {
        return new FormulaView(rs.getLong("id"), nullableLong(rs, "organisation_id"), nullableLong(rs, "clinic_id"),
                nullableLong(rs, "patient_id"), rs.getString("code"), nullableLong(rs, "template_id"),
                rs.getString("name"), Indication.valueOf(rs.getString("indication")),
                Modality.valueOf(rs.getString("modality")), rs.getBigDecimal("volume_ml"),
                Technique.valueOf(rs.getString("technique")), rs.getString("notes"), rs.getString("source"),
                rs.getBoolean("voided"), rs.getString("void_reason"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getString("exclusion_reason"), List.of());
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
