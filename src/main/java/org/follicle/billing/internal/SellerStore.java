package org.follicle.billing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the clinics' seller details; no access checks. */
@Repository
class SellerStore {

    private final JdbcClient jdbc;

    SellerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Seller> find(long clinicId) {
        return jdbc.sql("""
                SELECT country, legal_name, street, postcode, city, company_id, vat_id, invoice_prefix, credit_note_prefix
                FROM billing_seller WHERE clinic_id = :clinic""").param("clinic", clinicId)
                .query((rs, row) -> new Seller(rs.getString("country"), rs.getString("legal_name"),
                        rs.getString("street"), rs.getString("postcode"), rs.getString("city"),
                        rs.getString("company_id"), rs.getString("vat_id"),
                        rs.getString("invoice_prefix"), rs.getString("credit_note_prefix"))).optional();
    }

    Optional<Integer> version(long clinicId) {
        return jdbc.sql("SELECT version FROM billing_seller WHERE clinic_id = :clinic").param("clinic", clinicId)
                .query(Integer.class).optional();
    }

    /**
     * Sets the details; false when they changed since {@code version}. A clinic's country is set once: its issued
     * invoices were computed under its VAT rules.
     */
    boolean save(long organisationId, long clinicId, Seller seller, Integer version, Instant at, String by) {
        if (version == null) {
            return jdbc.sql("""
                    INSERT INTO billing_seller (clinic_id, organisation_id, country, legal_name, street, postcode, city,
                        company_id, vat_id, invoice_prefix, credit_note_prefix, changed_at, changed_by)
                    VALUES (:clinic, :org, :country, :name, :street, :postcode, :city, :company, :vat, :invoice,
                        :credit, :at, :by)
                    ON CONFLICT DO NOTHING""").param("clinic", clinicId).param("org", organisationId)
                    .param("country", seller.country()).param("name", seller.legalName())
                    .param("street", seller.street()).param("postcode", seller.postcode())
                    .param("city", seller.city()).param("company", seller.companyId()).param("vat", seller.vatId()).param("invoice", seller.invoicePrefix())
                    .param("credit", seller.creditNotePrefix()).param("at", Timestamp.from(at)).param("by", by)
                    .update() == 1;
        }
        return jdbc.sql("""
                UPDATE billing_seller SET legal_name = :name, street = :street, postcode = :postcode, city = :city,
                    company_id = :company, vat_id = :vat,
                    invoice_prefix = :invoice, credit_note_prefix = :credit, version = version + 1, changed_at = :at,
                    changed_by = :by
                WHERE clinic_id = :clinic AND version = :version""").param("clinic", clinicId)
                .param("name", seller.legalName()).param("street", seller.street())
                .param("postcode", seller.postcode()).param("city", seller.city()).param("company", seller.companyId()).param("vat", seller.vatId())
                .param("invoice", seller.invoicePrefix()).param("credit", seller.creditNotePrefix())
                .param("at", Timestamp.from(at)).param("by", by).param("version", version).update() == 1;
    }
}
