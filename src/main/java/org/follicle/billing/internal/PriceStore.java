package org.follicle.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the clinics' price lists and of the patients' VAT choices; no access checks. */
@Repository
class PriceStore {

    private static final String COLUMNS = """
            SELECT id, clinic_id, kind, appointment_type, product_id, name, sessions, validity_days, unit_price,
                vat_category, active, version FROM billing_price""";

    private final JdbcClient jdbc;

    PriceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Price> ofClinic(long clinicId) {
        return jdbc.sql(COLUMNS + " WHERE clinic_id = :clinic ORDER BY kind, name, id").param("clinic", clinicId)
                .query(PriceStore::row).list();
    }

    Optional<Price> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(PriceStore::row).optional();
    }

    /** Sets the VAT category of a treatment or a product, adding its entry the first time. */
    void setCategory(long organisationId, long clinicId, Price.Kind kind, String appointmentType, Long productId,
            String vatCategory, Instant at, String by) {
        String target = kind == Price.Kind.TREATMENT ? "(clinic_id, appointment_type) WHERE kind = 'TREATMENT'"
                : "(clinic_id, product_id) WHERE kind = 'PRODUCT'";
        jdbc.sql("""
                INSERT INTO billing_price (organisation_id, clinic_id, kind, appointment_type, product_id, vat_category,
                    changed_at, changed_by)
                VALUES (:org, :clinic, :kind, :type, :product, :category, :at, :by)
                ON CONFLICT %s DO UPDATE SET vat_category = excluded.vat_category,
                    version = billing_price.version + 1, changed_at = excluded.changed_at,
                    changed_by = excluded.changed_by""".formatted(target))
                .param("org", organisationId).param("clinic", clinicId).param("kind", kind.name())
                .param("type", appointmentType).param("product", productId).param("category", vatCategory)
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    long insertCourse(long organisationId, long clinicId, PriceList.CourseInput in, Instant at, String by) {
        return jdbc.sql("""
                INSERT INTO billing_price (organisation_id, clinic_id, kind, appointment_type, name, sessions,
                    validity_days, unit_price, vat_category, active, changed_at, changed_by)
                VALUES (:org, :clinic, 'COURSE', :type, :name, :sessions, :days, :price, :category, :active, :at, :by)
                RETURNING id""")
                .param("org", organisationId).param("clinic", clinicId).param("type", in.appointmentType())
                .param("name", in.name().strip()).param("sessions", in.sessions()).param("days", in.validityDays())
                .param("price", in.unitPrice()).param("category", in.vatCategory()).param("active", in.sold())
                .param("at", Timestamp.from(at)).param("by", by).query(Long.class).single();
    }

    /** False when the course changed since {@code version}. Sold courses keep what they were sold as. */
    boolean updateCourse(long id, int version, PriceList.CourseInput in, Instant at, String by) {
        return jdbc.sql("""
                UPDATE billing_price SET appointment_type = :type, name = :name, sessions = :sessions,
                    validity_days = :days, unit_price = :price, vat_category = :category, active = :active,
                    version = version + 1, changed_at = :at, changed_by = :by
                WHERE id = :id AND kind = 'COURSE' AND version = :version""")
                .param("id", id).param("version", version).param("type", in.appointmentType())
                .param("name", in.name().strip()).param("sessions", in.sessions()).param("days", in.validityDays())
                .param("price", in.unitPrice()).param("category", in.vatCategory()).param("active", in.sold())
                .param("at", Timestamp.from(at)).param("by", by).update() == 1;
    }

    Optional<VatChoice> vatChoice(long clinicId, long patientId) {
        return jdbc.sql("""
                SELECT vat_category, reason, chosen_at, chosen_by FROM billing_vat_choice
                WHERE clinic_id = :clinic AND patient_id = :patient ORDER BY id DESC LIMIT 1""")
                .param("clinic", clinicId).param("patient", patientId)
                .query((rs, n) -> new VatChoice(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .optional();
    }

    void chooseVat(long organisationId, long clinicId, long patientId, String category, String reason, Instant at,
            String by) {
        jdbc.sql("""
                INSERT INTO billing_vat_choice (organisation_id, clinic_id, patient_id, vat_category, reason, chosen_at,
                    chosen_by)
                VALUES (:org, :clinic, :patient, :category, :reason, :at, :by)""")
                .param("org", organisationId).param("clinic", clinicId).param("patient", patientId)
                .param("category", category).param("reason", reason).param("at", Timestamp.from(at)).param("by", by)
                .update();
    }

    private static Price row(ResultSet rs, int n) throws SQLException {
        return new Price(rs.getLong("id"), rs.getLong("clinic_id"), Price.Kind.valueOf(rs.getString("kind")),
                rs.getString("appointment_type"), rs.getObject("product_id", Long.class), rs.getString("name"),
                rs.getObject("sessions", Integer.class), rs.getObject("validity_days", Integer.class),
                rs.getBigDecimal("unit_price"), rs.getString("vat_category"), rs.getBoolean("active"),
                rs.getInt("version"));
    }

    /** The VAT category a practitioner chose for a patient's care, and why. */
    record VatChoice(String vatCategory, String reason, Instant chosenAt, String chosenBy) {
    }
}
