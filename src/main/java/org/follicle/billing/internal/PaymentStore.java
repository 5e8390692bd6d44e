package org.follicle.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.follicle.security.Seals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of payments and refunds; no access checks. */
@Repository
class PaymentStore {

    private static final String SELECT = """
            SELECT id, clinic_id, invoice_id, kind, method, amount, currency, received_on, reference, number,
                recorded_at, recorded_by, previous_seal, seal, seal_key
            FROM billing_payment""";

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long organisationId, Payment payment, String previousSeal, Seals.Seal seal) {
        return jdbc.sql("""
                INSERT INTO billing_payment (organisation_id, clinic_id, invoice_id, kind, method, amount, currency,
                    received_on, reference, number, recorded_at, recorded_by, previous_seal, seal, seal_key)
                VALUES (:org, :clinic, :invoice, :kind, :method, :amount, :currency, :on, :reference, :number, :at,
                    :by, :previous, :seal, :key) RETURNING id""").param("org", organisationId)
                .param("clinic", payment.clinicId()).param("invoice", payment.invoiceId())
                .param("kind", payment.kind().name()).param("method", payment.method().name())
                .param("amount", payment.amount()).param("currency", payment.currency())
                .param("on", payment.receivedOn()).param("reference", payment.reference())
                .param("number", payment.number()).param("at", Timestamp.from(payment.recordedAt()))
                .param("by", payment.recordedBy()).param("previous", previousSeal).param("seal", seal.hash())
                .param("key", seal.keyId()).query(Long.class).single();
    }

    List<Payment> ofInvoice(long invoiceId) {
        return jdbc.sql(SELECT + " WHERE invoice_id = :invoice ORDER BY number").param("invoice", invoiceId)
                .query(this::payment).list();
    }

    /** The clinic's payments and refunds recorded between two days of the clinic (both included). */
    List<Payment> recordedBetween(long clinicId, String timeZone, LocalDate first, LocalDate last) {
        return jdbc.sql(SELECT + """
                 WHERE clinic_id = :clinic AND (recorded_at AT TIME ZONE :zone)::date BETWEEN :first AND :last
                ORDER BY number""").param("clinic", clinicId).param("zone", timeZone).param("first", first)
                .param("last", last).query(this::payment).list();
    }

    /** The clinic's payments and refunds in the order they were recorded, each with its seals. */
    List<Sealed> sealed(long clinicId) {
        return jdbc.sql(SELECT + " WHERE clinic_id = :clinic ORDER BY number").param("clinic", clinicId)
                .query((rs, row) -> new Sealed(payment(rs, row), rs.getString("previous_seal"),
                        new Seals.Seal(rs.getString("seal_key"), rs.getString("seal")))).list();
    }

    private Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getLong("id"), rs.getLong("clinic_id"), rs.getLong("invoice_id"),
                Payment.Kind.valueOf(rs.getString("kind")), Payment.Method.valueOf(rs.getString("method")),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("received_on", LocalDate.class),
                rs.getString("reference"), rs.getLong("number"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"));
    }

    record Sealed(Payment payment, String previousSeal, Seals.Seal seal) {
    }
}
