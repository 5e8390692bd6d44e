package org.follicle.formulary.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Ingredients in PostgreSQL. An organisation sees the shipped library with its own ingredients on top: where both
 * have a code, the organisation's row wins. No access checks here.
 */
@Repository
class IngredientStore {

    private static final String EFFECTIVE = """
            SELECT DISTINCT ON (code) id, organisation_id, code, document, version, changed_at, changed_by
            FROM formulary_ingredient WHERE (organisation_id = :org OR organisation_id IS NULL)""";

    private final JdbcClient jdbc;

    private final JsonMapper json;

    IngredientStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Ingredient> effective(long organisationId) {
        return jdbc.sql(EFFECTIVE + " ORDER BY code, organisation_id NULLS LAST").param("org", organisationId)
                .query(this::row).list();
    }

    List<Ingredient> effective(long organisationId, Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(EFFECTIVE + " AND code IN (:codes) ORDER BY code, organisation_id NULLS LAST")
                .param("org", organisationId).param("codes", codes).query(this::row).list();
    }

    Optional<Ingredient> find(long organisationId, String code) {
        return effective(organisationId, List.of(code)).stream().findFirst();
    }

    /** The shipped library, by code. */
    Map<String, Ingredient> shipped() {
        Map<String, Ingredient> shipped = new HashMap<>();
        jdbc.sql("""
                SELECT id, organisation_id, code, document, version, changed_at, changed_by
                FROM formulary_ingredient WHERE organisation_id IS NULL""").query(this::row).list()
                .forEach(i -> shipped.put(i.code(), i));
        return shipped;
    }

    List<Revision> revisions(long ingredientId) {
        return jdbc.sql("""
                SELECT version, reason, changed_at, changed_by FROM formulary_ingredient_revision
                WHERE ingredient_id = :id ORDER BY version DESC""").param("id", ingredientId)
                .query((rs, n) -> new Revision(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
    }

    /**
     * Inserts an ingredient at a first version ({@code null} organisation for the shipped library); an
     * organisation's copy of a shipped ingredient continues its numbering, so an ETag never means two versions.
     */
    long insert(Long organisationId, IngredientData data, int version, String reason, String by, Instant now) {
        long id = jdbc.sql("""
                INSERT INTO formulary_ingredient (organisation_id, code, document, version, changed_at, changed_by)
                VALUES (:org, :code, CAST(:doc AS jsonb), :version, :now, :by) RETURNING id""")
                .param("org", organisationId).param("version", version).param("code", data.code()).param("doc", json.writeValueAsString(data))
                .param("now", Timestamp.from(now)).param("by", by).query(Long.class).single();
        revision(id, version, data, reason, by, now);
        return id;
    }

    /**
     * Writes a new version of the organisation's row (the shipped row when {@code organisationId} is null) if it is
     * still at {@code expectedVersion}; false when someone changed it first.
     */
    boolean update(long id, Long organisationId, int expectedVersion, IngredientData data, String reason, String by,
            Instant now) {
        int updated = jdbc.sql("""
                UPDATE formulary_ingredient SET document = CAST(:doc AS jsonb), version = version + 1,
                    changed_at = :now, changed_by = :by
                WHERE id = :id AND version = :expected
                    AND organisation_id IS NOT DISTINCT FROM CAST(:org AS BIGINT)""")
                .param("doc", json.writeValueAsString(data)).param("org", organisationId)
                .param("now", Timestamp.from(now)).param("by", by).param("id", id).param("expected", expectedVersion)
                .update();
        if (updated == 1) {
            revision(id, expectedVersion + 1, data, reason, by, now);
        }
        return updated == 1;
    }

    private void revision(long id, int version, IngredientData data, String reason, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO formulary_ingredient_revision (ingredient_id, version, document, reason, changed_at,
                    changed_by) VALUES (:id, :version, CAST(:doc AS jsonb), :reason, :now, :by)""")
                .param("id", id).param("version", version).param("doc", json.writeValueAsString(data))
                .param("reason", reason).param("now", Timestamp.from(now)).param("by", by).update();
    }

    private Ingredient row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long org = rs.getLong("organisation_id");
        Long organisationId = rs.wasNull() ? null : org;
        return new Ingredient(rs.getLong("id"), organisationId, rs.getString("code"),
                json.readValue(rs.getString("document"), IngredientData.class), rs.getInt("version"),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"));
    }

    /** An ingredient as stored: shipped ({@code organisationId} null) or the organisation's own. */
    record Ingredient(long id, Long organisationId, String code, IngredientData data, int version, Instant changedAt,
            String changedBy) {

        public boolean shipped() {
            return organisationId == null;
        }
    }

    record Revision(int version, String reason, Instant changedAt, String changedBy) {
    }
}
