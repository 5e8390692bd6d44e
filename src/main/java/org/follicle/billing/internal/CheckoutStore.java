package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the online payments begun at the gateway; no access checks. */
@Repository
class CheckoutStore {

    private static final String COLUMNS = """
            SELECT id, clinic_id, invoice_id, gateway, external_id, url, amount, currency, created_at, payment_id
            FROM billing_checkout""";

    private final JdbcClient jdbc;

    CheckoutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The checkout of the gateway's page, kept once: a retry that opened the same page finds the first. */
    Checkout insert(Invoice invoice, String gateway, PaymentGateway.Checkout page, BigDecimal amount, Instant at,
            String by) {
        jdbc.sql("""
                INSERT INTO billing_checkout (organisation_id, clinic_id, invoice_id, gateway, external_id, url, amount,
                    currency, created_at, created_by)
                VALUES (:org, :clinic, :invoice, :gateway, :external, :url, :amount, :currency, :at, :by)
                ON CONFLICT (gateway, external_id) DO NOTHING""")
                .param("org", invoice.organisationId()).param("clinic", invoice.clinicId())
                .param("invoice", invoice.id()).param("gateway", gateway).param("external", page.id())
                .param("url", page.url()).param("amount", amount).param("currency", invoice.currency())
                .param("at", Timestamp.from(at)).param("by", by).update();
        return byExternal(gateway, page.id(), false).orElseThrow();
    }

    /** The checkout of a gateway's page, locked to the transaction's end when a notice is to record it. */
    Optional<Checkout> byExternal(String gateway, String externalId, boolean lock) {
        return jdbc.sql(COLUMNS + " WHERE gateway = :gateway AND external_id = :external" + (lock ? " FOR UPDATE" : ""))
                .param("gateway", gateway).param("external", externalId).query(Checkout.class).optional();
    }

    int countOf(long invoiceId) {
        return jdbc.sql("SELECT count(*) FROM billing_checkout WHERE invoice_id = :invoice").param("invoice", invoiceId)
                .query(Integer.class).single();
    }

    List<Checkout> ofInvoice(long invoiceId) {
        return jdbc.sql(COLUMNS + " WHERE invoice_id = :invoice ORDER BY id").param("invoice", invoiceId)
                .query(Checkout.class).list();
    }

    void paid(long id, long paymentId) {
        jdbc.sql("UPDATE billing_checkout SET payment_id = :payment WHERE id = :id AND payment_id IS NULL")
                .param("id", id).param("payment", paymentId).update();
    }

    /** @param paymentId the payment its notice recorded, {@code null} until paid */
    record Checkout(long id, long clinicId, long invoiceId, String gateway, String externalId, String url,
            BigDecimal amount, String currency, Instant createdAt, Long paymentId) {
    }
}
