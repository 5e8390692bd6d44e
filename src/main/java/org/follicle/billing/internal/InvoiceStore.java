package org.follicle.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.follicle.security.Seals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of invoices, their lines and the numbering series; no access checks. */
@Repository
class InvoiceStore {

    private static final String SELECT = """
            SELECT id, organisation_id, clinic_id, patient_id, kind, status, prefix, number, issued_on, currency,
                buyer_name, buyer_address, credit_of, credit_reason, version, created_at, created_by, issued_at, issued_by,
                seller, previous_seal, seal, seal_key
            FROM billing_invoice""";

    private static final String LINES = """
            SELECT invoice_id, position, description, quantity, unit_price, vat_category, vat_rate, exemption, price_id,
                deposit_id
            FROM billing_invoice_line WHERE invoice_id = :id ORDER BY invoice_id, position""";

    private final JdbcClient jdbc;

    private final tools.jackson.databind.json.JsonMapper json;

    InvoiceStore(JdbcClient jdbc, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insertDraft(Invoice draft) {
        return jdbc.sql("""
                INSERT INTO billing_invoice (organisation_id, clinic_id, patient_id, kind, status, currency, buyer_name,
                    buyer_address, credit_of, credit_reason, total_net, total_vat, total_gross, created_at, created_by)
                VALUES (:org, :clinic, :patient, :kind, 'DRAFT', :currency, :buyer, :address, :creditOf, :reason,
                    0, 0, 0, :at, :by) RETURNING id""")
                .param("org", draft.organisationId()).param("clinic", draft.clinicId())
                .param("patient", draft.patientId()).param("kind", draft.kind().name())
                .param("currency", draft.currency()).param("buyer", draft.buyerName())
                .param("address", draft.buyerAddress()).param("creditOf", draft.creditOf())
                .param("reason", draft.creditReason()).param("at", Timestamp.from(draft.createdAt()))
                .param("by", draft.createdBy()).query(Long.class).single();
    }

    /** Marks a draft as the deposit of a booked visit. */
    void depositFor(long draftId, long appointmentId) {
        jdbc.sql("UPDATE billing_invoice SET deposit_for = :appointment WHERE id = :id AND status = 'DRAFT'")
                .param("id", draftId).param("appointment", appointmentId).update();
    }

    /**
     * The visit's deposits that an invoice may still deduct: issued, never credited, and deducted by no issued
     * invoice yet.
     */
    List<Invoice> depositsToDeduct(long appointmentId) {
        return documents("deposit_for = :appointment AND " + DEDUCTIBLE, "number", Map.of("appointment", appointmentId));
    }

    /** Whether the deposit may still be deducted, its row locked until the transaction ends: one issue at a time. */
    boolean lockDeductible(long depositId) {
        return jdbc.sql("SELECT id FROM billing_invoice WHERE id = :id AND " + DEDUCTIBLE + " FOR UPDATE")
                .param("id", depositId).query(Long.class).optional().isPresent();
    }

    /** A deposit still to deduct: issued, never credited, and deducted by no issued invoice yet. */
    private static final String DEDUCTIBLE = """
            status = 'ISSUED' AND NOT EXISTS (SELECT 1 FROM billing_invoice c WHERE c.credit_of = billing_invoice.id)
            AND NOT EXISTS (SELECT 1 FROM billing_invoice_line d JOIN billing_invoice i ON i.id = d.invoice_id
                            WHERE d.deposit_id = billing_invoice.id AND i.kind = 'INVOICE' AND i.status = 'ISSUED')""";

    /** Names who gave the care the draft bills, for revenue by practitioner. */
    void attribute(long draftId, long practitionerId) {
        jdbc.sql("UPDATE billing_invoice SET practitioner_id = :practitioner WHERE id = :id AND status = 'DRAFT'")
                .param("id", draftId).param("practitioner", practitionerId).update();
    }

    Optional<Long> practitionerOf(long invoiceId) {
        return jdbc.sql("SELECT practitioner_id FROM billing_invoice WHERE id = :id").param("id", invoiceId)
                .query((rs, n) -> rs.getObject(1, Long.class)).optional().filter(java.util.Objects::nonNull);
    }

    /**
     * What the clinics' issued documents of a period came to before VAT, per clinic, month, practitioner and entry of
     * the price list sold (none for a line typed by hand); credit notes are counted apart, negative.
     */
    List<Revenue> revenue(java.util.Collection<Long> clinicIds, java.time.LocalDate first, java.time.LocalDate last) {
        return jdbc.sql("""
                SELECT i.clinic_id, to_char(i.issued_on, 'YYYY-MM') AS month, i.practitioner_id,
                    CASE WHEN i.kind = 'CREDIT_NOTE' THEN 'CREDIT_NOTE' ELSE coalesce(p.kind, 'TYPED') END AS item_kind,
                    CASE WHEN i.kind = 'INVOICE' THEN p.id END AS price_id, i.currency,
                    sum(CASE WHEN i.kind = 'CREDIT_NOTE' THEN -l.net ELSE l.net END) AS net
                FROM billing_invoice i JOIN billing_invoice_line l ON l.invoice_id = i.id
                LEFT JOIN billing_price p ON p.id = l.price_id
                WHERE i.clinic_id IN (:clinics) AND i.status = 'ISSUED' AND i.issued_on BETWEEN :first AND :last
                GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5""")
                .param("clinics", clinicIds).param("first", first).param("last", last)
                .query((rs, n) -> new Revenue(rs.getLong("clinic_id"), rs.getString("month"),
                        rs.getObject("practitioner_id", Long.class), rs.getString("item_kind"),
                        rs.getObject("price_id", Long.class), rs.getString("currency"), rs.getBigDecimal("net")))
                .list();
    }

    /** @param itemKind a kind of the price list, {@code TYPED} for a line typed by hand, or {@code CREDIT_NOTE} */
    record Revenue(long clinicId, String month, Long practitionerId, String itemKind, Long priceId, String currency,
            java.math.BigDecimal net) {
    }

    /** Replaces a draft's lines and totals; false when the draft changed since {@code version}. */
    boolean replaceLines(long id, int version, List<Invoice.Line> lines) {
        Invoice.Totals totals = Invoice.Totals.of(lines);
        int updated = jdbc.sql("""
                UPDATE billing_invoice SET total_net = :net, total_vat = :vat, total_gross = :gross,
                    version = version + 1
                WHERE id = :id AND version = :version AND status = 'DRAFT'""")
                .param("net", totals.net()).param("vat", totals.vat()).param("gross", totals.gross())
                .param("id", id).param("version", version).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM billing_invoice_line WHERE invoice_id = :id").param("id", id).update();
        for (Invoice.Line line : lines) {
            jdbc.sql("""
                    INSERT INTO billing_invoice_line (invoice_id, position, description, quantity, unit_price,
                        vat_category, vat_rate, net, exemption, price_id, deposit_id)
                    VALUES (:id, :position, :description, :quantity, :price, :category, :rate, :net, :exemption,
                        :priceId, :depositId)""")
                    .param("id", id).param("position", line.position()).param("description", line.description())
                    .param("quantity", line.quantity()).param("price", line.unitPrice())
                    .param("category", line.vatCategory()).param("rate", line.vatRate()).param("net", line.net())
                    .param("exemption", line.exemption()).param("priceId", line.priceId())
                    .param("depositId", line.depositId()).update();
        }
        return true;
    }

    Optional<Invoice> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::header).optional()
                .map(this::withLines);
    }

    /** The invoice, its row locked until the transaction ends: two credit notes of one invoice wait in turn. */
    Optional<Invoice> lock(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query(this::header).optional()
                .map(this::withLines);
    }

    List<Invoice> creditNotesOf(long invoiceId) {
        return documents("credit_of = :id AND status = 'ISSUED'", "number", Map.of("id", invoiceId));
    }

    List<Invoice> ofPatient(long patientId) {
        return documents("patient_id = :patient", "created_at DESC, id DESC", Map.of("patient", patientId));
    }

    /** Issues the draft with its seal, which covers the series' last document's. */
    boolean markIssued(Invoice issued, String previousSeal, Seals.Seal seal) {
        return jdbc.sql("""
                UPDATE billing_invoice SET status = 'ISSUED', prefix = :prefix, number = :number, issued_on = :on,
                    issued_at = :at, issued_by = :by, seller = :seller, version = :version, previous_seal = :previousSeal,
                    seal = :seal, seal_key = :key
                WHERE id = :id AND version = :previous AND status = 'DRAFT'""")
                .param("prefix", issued.prefix()).param("number", issued.number()).param("on", issued.issuedOn())
                .param("at", Timestamp.from(issued.issuedAt())).param("by", issued.issuedBy())
                .param("seller", json.writeValueAsString(issued.seller()))
                .param("version", issued.version()).param("previousSeal", previousSeal).param("seal", seal.hash())
                .param("key", seal.keyId()).param("id", issued.id()).param("previous", issued.version() - 1)
                .update() == 1;
    }

    /**
     * The clinic's issued invoices that are not settled: what each still owes once its credit notes, payments and
     * refunds are counted (negative when the clinic owes the patient), the oldest first.
     */
    List<Outstanding> outstanding(long clinicId) {
        return outstanding("i.clinic_id = :clinic", "clinic", clinicId);
    }

    /** The patient's issued invoices that are not settled, in every clinic, the oldest first. */
    List<Outstanding> outstandingOfPatient(long patientId) {
        return outstanding("i.patient_id = :patient", "patient", patientId);
    }

    private List<Outstanding> outstanding(String whose, String parameter, long id) {
        return jdbc.sql("""
                SELECT id, clinic_id, prefix, number, issued_on, buyer_name, patient_id, currency, balance FROM (
                    SELECT i.id, i.clinic_id, i.prefix, i.number, i.issued_on, i.buyer_name, i.patient_id, i.currency,
                        i.total_gross
                        - COALESCE((SELECT sum(c.total_gross) FROM billing_invoice c
                                    WHERE c.credit_of = i.id AND c.status = 'ISSUED'), 0)
                        - COALESCE((SELECT sum(CASE p.kind WHEN 'PAYMENT' THEN p.amount ELSE -p.amount END)
                                    FROM billing_payment p WHERE p.invoice_id = i.id), 0) AS balance
                    FROM billing_invoice i
                    WHERE %s AND i.kind = 'INVOICE' AND i.status = 'ISSUED') owed
                WHERE balance <> 0 ORDER BY issued_on, number""".formatted(whose)).param(parameter, id)
                .query((rs, row) -> new Outstanding(rs.getLong("id"), rs.getLong("clinic_id"), Invoice.printed(rs.getString("prefix"),
                        rs.getLong("number")), rs.getObject("issued_on",
                                java.time.LocalDate.class), rs.getString("buyer_name"),
                        rs.getObject("patient_id", Long.class), rs.getString("currency"),
                        rs.getBigDecimal("balance"))).list();
    }

    /** @param clinicId the invoice's clinic */
    record Outstanding(long id, long clinicId, String number, java.time.LocalDate issuedOn, String buyerName,
            Long patientId, String currency, java.math.BigDecimal balance) {
    }

    /** The clinic's documents issued between two days (both included), in the order of their numbers. */
    List<Invoice> issuedBetween(long clinicId, java.time.LocalDate first, java.time.LocalDate last) {
        return documents("clinic_id = :clinic AND status = 'ISSUED' AND issued_on BETWEEN :first AND :last",
                "kind, number", Map.of("clinic", clinicId, "first", first, "last", last));
    }

    /** The clinic's issued documents of a kind in the order of their numbers, each with its seals. */
    List<Sealed> issued(long clinicId, Invoice.Kind kind) {
        String where = "clinic_id = :clinic AND kind = :kind AND status = 'ISSUED'";
        Map<String, Object> params = Map.of("clinic", clinicId, "kind", kind.name());
        List<Sealed> sealed = jdbc.sql(SELECT + " WHERE " + where + " ORDER BY number").params(params)
                .query((rs, row) -> new Sealed(header(rs, row), rs.getString("previous_seal"),
                        new Seals.Seal(rs.getString("seal_key"), rs.getString("seal")))).list();
        Map<Long, List<Invoice.Line>> lines = linesWhere(where, params);
        return sealed.stream().map(s -> new Sealed(withLines(s.invoice(), lines), s.previousSeal(), s.seal()))
                .toList();
    }

    /**
     * The documents a condition selects, with their lines: two statements however many there are (the lines are
     * those of the documents the same condition selects).
     */
    private List<Invoice> documents(String where, String order, Map<String, Object> params) {
        List<Invoice> headers = jdbc.sql(SELECT + " WHERE " + where + " ORDER BY " + order).params(params)
                .query(this::header).list();
        if (headers.isEmpty()) {
            return headers;
        }
        Map<Long, List<Invoice.Line>> lines = linesWhere(where, params);
        return headers.stream().map(header -> withLines(header, lines)).toList();
    }

    private Map<Long, List<Invoice.Line>> linesWhere(String where, Map<String, Object> params) {
        Map<Long, List<Invoice.Line>> lines = new java.util.HashMap<>();
        jdbc.sql(LINES.replace("WHERE invoice_id = :id", "JOIN billing_invoice ON billing_invoice.id = invoice_id WHERE "
                + where)).params(params).query(rs -> {
                    lines.computeIfAbsent(rs.getLong("invoice_id"), id -> new java.util.ArrayList<>()).add(line(rs));
                });
        return lines;
    }

    record Sealed(Invoice invoice, String previousSeal, Seals.Seal seal) {
    }

    private Invoice header(ResultSet rs, int row) throws SQLException {
        Timestamp issuedAt = rs.getTimestamp("issued_at");
        return new Invoice(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("clinic_id"),
                rs.getObject("patient_id", Long.class), Invoice.Kind.valueOf(rs.getString("kind")),
                Invoice.Status.valueOf(rs.getString("status")), rs.getString("prefix"),
                rs.getObject("number", Long.class), rs.getObject("issued_on", java.time.LocalDate.class),
                rs.getString("currency"), rs.getString("buyer_name"), rs.getString("buyer_address"),
                rs.getObject("credit_of", Long.class), rs.getString("credit_reason"), List.of(), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                issuedAt == null ? null : issuedAt.toInstant(), rs.getString("issued_by"),
                rs.getString("seller") == null ? null : json.readValue(rs.getString("seller"), Seller.class));
    }

    private Invoice withLines(Invoice header) {
        return withLines(header, Map.of(header.id(), jdbc.sql(LINES).param("id", header.id())
                .query((rs, row) -> line(rs)).list()));
    }

    private static Invoice.Line line(ResultSet rs) throws SQLException {
        return new Invoice.Line(rs.getInt("position"), rs.getString("description"), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("unit_price"), rs.getString("vat_category"), rs.getBigDecimal("vat_rate"),
                rs.getString("exemption"), rs.getObject("price_id", Long.class), rs.getObject("deposit_id", Long.class));
    }

    private static Invoice withLines(Invoice header, Map<Long, List<Invoice.Line>> linesByInvoice) {
        List<Invoice.Line> lines = linesByInvoice.getOrDefault(header.id(), List.of());
        return new Invoice(header.id(), header.organisationId(), header.clinicId(), header.patientId(), header.kind(),
                header.status(), header.prefix(), header.number(), header.issuedOn(), header.currency(),
                header.buyerName(), header.buyerAddress(), header.creditOf(), header.creditReason(), lines,
                header.version(), header.createdAt(), header.createdBy(), header.issuedAt(), header.issuedBy(),
                header.seller());
    }
}
