package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.follicle.billing.SalesHistory;
import org.follicle.security.Seals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generator's sales history: per clinic, its attended visits in order, each invoiced and paid, numbered and
 * sealed exactly as {@link Invoices#issue} and {@link Payments} seal them, then written in batches (three statements
 * a thousand documents rather than five a document).
 */
@Service
class GeneratedSales implements SalesHistory {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedSales.class);

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;

    private final JdbcTemplate batches;

    private final SellerStore sellers;

    private final VatRates vat;

    private final Seals seals;

    private final JsonMapper json;

    GeneratedSales(JdbcClient jdbc, JdbcTemplate batches, SellerStore sellers, VatRates vat, Seals seals,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.sellers = sellers;
        this.vat = vat;
        this.seals = seals;
        this.json = json;
    }

    @Override
    @Transactional
    public int invoiceAttendedVisits(long organisationId, LocalDate from, LocalDate until) {
        int issued = 0;
        for (Clinic clinic : jdbc.sql("SELECT id, time_zone FROM clinics_clinic WHERE organisation_id = :org ORDER BY id")
                .param("org", organisationId).query(Clinic.class).list()) {
            Seller seller = sellers.find(clinic.id()).orElse(null);
            if (seller != null) {
                issued += invoice(organisationId, clinic, seller, from, until);
            }
        }
        return issued;
    }

    private int invoice(long organisationId, Clinic clinic, Seller seller, LocalDate from, LocalDate until) {
        ZoneId zone = ZoneId.of(clinic.timeZone());
        List<Visit> visits = jdbc.sql("""
                SELECT a.patient_id, upper(p.family_name) || ', ' || p.given_name AS buyer, a.type_code,
                    coalesce(t.price, 0) AS price, a.ends_at
                FROM scheduling_appointment a
                JOIN patients_patient p ON p.id = a.patient_id
                JOIN scheduling_appointment_type t ON t.organisation_id = a.organisation_id AND t.code = a.type_code
                WHERE a.clinic_id = :clinic AND a.status = 'ATTENDED' AND a.starts_at >= :from AND a.starts_at < :until
                ORDER BY a.ends_at, a.id""").param("clinic", clinic.id())
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("until", Timestamp.from(until.atStartOfDay(zone).toInstant())).query(Visit.class).list();
        if (visits.isEmpty()) {
            return 0;
        }
        VatRates.Category exempt = vat.category(seller.country(), "EXEMPT_MEDICAL", "vatCategory");
        String currency = vat.currency(seller.country());
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('billing_invoice', 'id')) "
                + "FROM generate_series(1, :n)").param("n", visits.size()).query(Long.class).list();
        String invoiceSeal = SeriesStore.GENESIS;
        String paymentSeal = SeriesStore.GENESIS;
        List<Object[]> drafts = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> issues = new ArrayList<>();
        List<Object[]> payments = new ArrayList<>();
        String sellerJson = json.writeValueAsString(seller);
        for (int i = 0; i < visits.size(); i++) {
            Visit visit = visits.get(i);
            Instant at = visit.endsAt().toInstant().truncatedTo(ChronoUnit.MICROS);
            LocalDate day = at.atZone(zone).toLocalDate();
            Invoice.Line line = new Invoice.Line(1, visit.typeCode().charAt(0) + visit.typeCode().substring(1)
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' '), BigDecimal.ONE, visit.price(),
                    "EXEMPT_MEDICAL", exempt.rate(), exempt.exemption(), null);
            Invoice draft = new Invoice(ids.get(i), organisationId, clinic.id(), visit.patientId(),
                    Invoice.Kind.INVOICE, Invoice.Status.DRAFT, null, null, null, currency, visit.buyer(), null, null,
                    null, List.of(line), 0, at, "generator", null, null, null);
            Invoice invoice = draft.issued(seller, i + 1, day, at, "generator");
            Seals.Seal seal = seals.seal(invoice.canonical(invoiceSeal));
            Invoice.Totals totals = invoice.totals();
            drafts.add(new Object[] { invoice.id(), organisationId, clinic.id(), visit.patientId(), currency,
                    visit.buyer(), totals.net(), totals.vat(), totals.gross(), Timestamp.from(at) });
            lines.add(new Object[] { invoice.id(), line.description(), line.unitPrice(), line.vatCategory(),
                    line.vatRate(), line.net(), line.exemption() });
            issues.add(new Object[] { invoice.prefix(), invoice.number(), day, Timestamp.from(at), sellerJson,
                    invoiceSeal, seal.hash(), seal.keyId(), invoice.id() });
            invoiceSeal = seal.hash();
            Payment payment = new Payment(0, clinic.id(), invoice.id(), Payment.Kind.PAYMENT,
                    i % 3 == 0 ? Payment.Method.CASH : Payment.Method.CARD, totals.gross(), currency, day, null, i + 1,
                    at.plusSeconds(60), "generator");
            Seals.Seal paid = seals.seal(payment.canonical(paymentSeal));
            payments.add(new Object[] { organisationId, clinic.id(), invoice.id(), payment.method().name(),
                    payment.amount(), currency, day, payment.number(), Timestamp.from(payment.recordedAt()),
                    paymentSeal, paid.hash(), paid.keyId() });
            paymentSeal = paid.hash();
        }
        batches.batchUpdate("""
                INSERT INTO billing_invoice (id, organisation_id, clinic_id, patient_id, kind, status, currency, buyer_name,
                    total_net, total_vat, total_gross, created_at, created_by)
                VALUES (?, ?, ?, ?, 'INVOICE', 'DRAFT', ?, ?, ?, ?, ?, ?, 'generator')""", drafts, BATCH,
                (ps, row) -> set(ps, row));
        batches.batchUpdate("""
                INSERT INTO billing_invoice_line (invoice_id, position, description, quantity, unit_price, vat_category,
                    vat_rate, net, exemption)
                VALUES (?, 1, ?, 1, ?, ?, ?, ?, ?)""", lines, BATCH, (ps, row) -> set(ps, row));
        batches.batchUpdate("""
                UPDATE billing_invoice SET status = 'ISSUED', prefix = ?, number = ?, issued_on = ?, issued_at = ?,
                    issued_by = 'generator', seller = ?, version = 1, previous_seal = ?, seal = ?, seal_key = ?
                WHERE id = ?""", issues, BATCH, (ps, row) -> set(ps, row));
        batches.batchUpdate("""
                INSERT INTO billing_payment (organisation_id, clinic_id, invoice_id, kind, method, amount, currency,
                    received_on, number, recorded_at, recorded_by, previous_seal, seal, seal_key)
                VALUES (?, ?, ?, 'PAYMENT', ?, ?, ?, ?, ?, ?, 'generator', ?, ?, ?)""", payments, BATCH,
                (ps, row) -> set(ps, row));
        series(clinic.id(), "INVOICE", visits.size() + 1, invoiceSeal);
        series(clinic.id(), Payments.SERIES, visits.size() + 1, paymentSeal);
        LOG.info("Clinic {}: {} visits invoiced and paid", clinic.id(), visits.size());
        return visits.size();
    }

    private void series(long clinicId, String kind, long next, String lastSeal) {
        jdbc.sql("""
                INSERT INTO billing_series (clinic_id, kind, next_number, last_seal) VALUES (:clinic, :kind, :next, :seal)
                ON CONFLICT (clinic_id, kind) DO UPDATE SET next_number = excluded.next_number,
                    last_seal = excluded.last_seal""")
                .param("clinic", clinicId).param("kind", kind).param("next", next).param("seal", lastSeal).update();
    }

    private static void set(java.sql.PreparedStatement ps, Object[] row) throws java.sql.SQLException {
        for (int i = 0; i < row.length; i++) {
            ps.setObject(i + 1, row[i] instanceof LocalDate date ? java.sql.Date.valueOf(date) : row[i]);
        }
    }

    record Clinic(long id, String timeZone) {
    }

    record Visit(long patientId, String buyer, String typeCode, BigDecimal price, Timestamp endsAt) {
    }
}
