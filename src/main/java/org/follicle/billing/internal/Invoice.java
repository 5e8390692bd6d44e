package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.follicle.system.BusinessRuleException;

/**
 * An invoice or a credit note. A draft is free to change and has no number; issuing gives it the next number of
 * its series and makes it final. Amounts are exact decimals in the invoice's currency (two decimals for euros and
 * pounds).
 * <p>
 * VAT is computed per rate on the sum of the lines' net amounts, then rounded: what EN 16931 requires of an
 * electronic invoice (rule BR-CO-17), what France's invoice mentions ask for (the total and the tax per rate,
 * CGI annexe II art. 242 nonies A) and what HMRC allows (VAT Notice 700, 17.5).
 *
 * @param patientId {@code null} for a sale to someone who is not a patient
 * @param creditOf for a credit note, the invoice it corrects
 * @param seller who issued it, as the clinic's details stood then; {@code null} for a draft
 */
record Invoice(long id, long organisationId, long clinicId, Long patientId, Kind kind, Status status, String prefix,
        Long number, LocalDate issuedOn, String currency, String buyerName, String buyerAddress, Long creditOf,
        String creditReason, List<Line> lines, int version, Instant createdAt, String createdBy, Instant issuedAt,
        String issuedBy, Seller seller) {

    enum Kind {
        INVOICE, CREDIT_NOTE
    }

    enum Status {
        DRAFT, ISSUED
    }

    /** The number as printed: the series' prefix and six digits, {@code F-000042}; {@code null} for a draft. */
    public String displayNumber() {
        return number == null ? null : printed(prefix, number);
    }

    static String printed(String prefix, long number) {
        return prefix + "-" + String.format("%06d", number);
    }

    public Totals totals() {
        return Totals.of(lines);
    }

    void requireDraft() {
        if (status != Status.DRAFT) {
            throw new BusinessRuleException("billing.final", displayNumber());
        }
    }

    /** The invoice issued under the next number of its series, on the clinic's date of issue. */
    Invoice issued(Seller issuer, long seriesNumber, LocalDate on, Instant at, String by) {
        requireDraft();
        if (lines.isEmpty()) {
            throw new BusinessRuleException("billing.noLines");
        }
        return new Invoice(id, organisationId, clinicId, patientId, kind, Status.ISSUED, kind == Kind.INVOICE
                ? issuer.invoicePrefix() : issuer.creditNotePrefix(), seriesNumber, on, currency, buyerName,
                buyerAddress, creditOf, creditReason, lines, version + 1, createdAt, createdBy, at, by, issuer);
    }

    /**
     * Everything an issued document says, with the seal of the one before it in its series, as the text its own
     * seal covers. Amounts are written at their scale in the database, so that the text read back is the text
     * sealed.
     */
    String canonical(String previousSeal) {
        Totals totals = totals();
        StringBuilder text = new StringBuilder(Canonical.of(previousSeal, clinicId, kind, prefix, number, issuedOn,
                issuedAt, issuedBy, currency, patientId, buyerName, buyerAddress, creditOf, creditReason, totals.net(),
                totals.vat(), totals.gross(), lines.size(), seller.country(), seller.legalName(), seller.street(),
                seller.postcode(), seller.city(), seller.companyId(), seller.vatId()));
        for (Line line : lines) {
            text.append(Canonical.of(line.position(), line.description(), line.quantity().setScale(3),
                    line.unitPrice().setScale(2), line.vatCategory(), line.vatRate().setScale(2), line.exemption()));
        }
        return text.toString();
    }

    /**
     * What a new credit note may still take back from this invoice: its total less the credit notes already
     * issued against it.
     */
    BigDecimal creditable(List<Invoice> creditNotes) {
        if (kind != Kind.INVOICE || status != Status.ISSUED) {
            throw new BusinessRuleException("billing.creditOnlyIssuedInvoice");
        }
        return totals().gross().subtract(credited(creditNotes));
    }

    static BigDecimal credited(List<Invoice> creditNotes) {
        return creditNotes.stream().map(note -> note.totals().gross()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Refuses a credit note that takes back more than is left: in all, or at a VAT category and rate, where it may
     * not take back tax this invoice never charged.
     */
    void requireCreditable(Totals note, List<Invoice> creditNotes) {
        BigDecimal left = creditable(creditNotes);
        if (note.gross().compareTo(left) > 0) {
            throw BusinessRuleException.onField("lines", "billing.creditAboveInvoice", note.gross().toPlainString(),
                    left.toPlainString(), currency);
        }
        for (VatBreakdown rate : note.byRate()) {
            BigDecimal billed = taxableAt(List.of(this), rate);
            BigDecimal taken = taxableAt(creditNotes, rate);
            if (rate.taxable().compareTo(billed.subtract(taken)) > 0) {
                // The category by its name in the reader's language, not its code.
                throw BusinessRuleException.onField("lines", "billing.creditAboveRate",
                        new org.springframework.context.support.DefaultMessageSourceResolvable(
                                new String[] { "invoice.vat." + rate.category() },
                                new Object[] { rate.rate().stripTrailingZeros().toPlainString() }),
                        billed.subtract(taken).toPlainString(), currency);
            }
        }
    }

    private static BigDecimal taxableAt(List<Invoice> documents, VatBreakdown rate) {
        return documents.stream().flatMap(document -> document.totals().byRate().stream())
                .filter(r -> r.category().equals(rate.category()) && r.rate().compareTo(rate.rate()) == 0)
                .map(VatBreakdown::taxable).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * One line: a quantity of something at a net unit price, with the VAT category and rate it was sold under.
     *
     * @param exemption the legal mention of an exempt line, {@code null} when VAT is charged
     * @param priceId the entry of the price list it sold, {@code null} for a line typed by hand
     * @param depositId the deposit invoice this line deducts (quantity -1 at the deposit's net price), or {@code null}
     */
    record Line(int position, String description, BigDecimal quantity, BigDecimal unitPrice, String vatCategory,
            BigDecimal vatRate, String exemption, Long priceId, Long depositId) {

        Line(int position, String description, BigDecimal quantity, BigDecimal unitPrice, String vatCategory,
                BigDecimal vatRate, String exemption, Long priceId) {
            this(position, description, quantity, unitPrice, vatCategory, vatRate, exemption, priceId, null);
        }

        /** The same line at another place on its document. */
        Line at(int newPosition) {
            return new Line(newPosition, description, quantity, unitPrice, vatCategory, vatRate, exemption, priceId,
                    depositId);
        }

        /** Quantity times unit price, to the cent. */
        public BigDecimal net() {
            return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** The totals of an invoice and its VAT per category and rate. */
    record Totals(BigDecimal net, BigDecimal vat, BigDecimal gross, List<VatBreakdown> byRate) {

        static Totals of(List<Line> lines) {
            Map<String, BigDecimal> taxable = new TreeMap<>();
            Map<String, Line> first = new TreeMap<>();
            for (Line line : lines) {
                String key = line.vatCategory() + "|" + line.vatRate().stripTrailingZeros().toPlainString();
                taxable.merge(key, line.net(), BigDecimal::add);
                first.putIfAbsent(key, line);
            }
            List<VatBreakdown> byRate = taxable.entrySet().stream().map(entry -> {
                Line line = first.get(entry.getKey());
                BigDecimal vat = entry.getValue().multiply(line.vatRate()).movePointLeft(2)
                        .setScale(2, RoundingMode.HALF_UP);
                return new VatBreakdown(line.vatCategory(), line.vatRate(), entry.getValue(), vat, line.exemption());
            }).sorted(Comparator.comparing(VatBreakdown::rate).reversed()).toList();
            BigDecimal net = byRate.stream().map(VatBreakdown::taxable).reduce(BigDecimal.ZERO.setScale(2),
                    BigDecimal::add);
            BigDecimal vat = byRate.stream().map(VatBreakdown::vat).reduce(BigDecimal.ZERO.setScale(2),
                    BigDecimal::add);
            return new Totals(net, vat, net.add(vat), byRate);
        }
    }

    record VatBreakdown(String category, BigDecimal rate, BigDecimal taxable, BigDecimal vat, String exemption) {
    }
}
