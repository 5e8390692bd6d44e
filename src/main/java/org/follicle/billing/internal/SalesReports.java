package org.follicle.billing.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.follicle.clinics.ClinicDirectory;
import org.follicle.security.AuditAction;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.security.StaffDirectory;
import org.follicle.system.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the desk, the manager and the accountant read of the sales: what is still owed, a period's documents, and the
 * revenue by clinic, practitioner, what was sold and month.
 */
@Service
@Transactional(readOnly = true)
class SalesReports {

    private final InvoiceStore invoices;

    private final ClinicDirectory clinics;

    private final MessageSource texts;

    private final ClinicAccess access;

    private final StaffDirectory staff;

    private final PriceList prices;

    SalesReports(InvoiceStore invoices, ClinicDirectory clinics, MessageSource texts, ClinicAccess access,
            StaffDirectory staff, PriceList prices) {
        this.invoices = invoices;
        this.clinics = clinics;
        this.texts = texts;
        this.access = access;
        this.staff = staff;
        this.prices = prices;
    }

    /**
     * Revenue before VAT of a period in every clinic where the user sees billing: by clinic, by practitioner, by what
     * was sold and by month, credit notes counted apart; each row named in the reader's language.
     */
    @Audited(action = AuditAction.SEARCH, recordType = Invoices.INVOICE)
    Revenue revenue(LocalDate first, LocalDate last, Locale locale) {
        requirePeriod(first, last);
        List<Long> visible = List.copyOf(access.clinicsWith(Privilege.BILLING_READ));
        if (visible.isEmpty()) {
            return Revenue.of(first, last, List.of());
        }
        Map<Long, String> clinicNames = new HashMap<>();
        Map<Long, String> people = new HashMap<>();
        Map<Long, String> items = new HashMap<>();
        List<Revenue.Row> rows = invoices.revenue(visible, first, last).stream().map(r -> new Revenue.Row(
                clinicNames.computeIfAbsent(r.clinicId(), id -> clinics.find(id).orElseThrow().name()), r.month(),
                r.practitionerId() == null ? texts.getMessage("revenue.atTheDesk", null, locale)
                        : people.computeIfAbsent(r.practitionerId(), id -> staff.find(id)
                                .map(StaffDirectory.StaffMember::displayName).orElse("#" + id)),
                r.priceId() == null ? texts.getMessage("revenue.item." + r.itemKind(), null, locale)
                        : items.computeIfAbsent(r.priceId(), id -> prices.entry(id)
                                .map(price -> prices.label(price, locale)).orElseThrow()),
                r.currency(), r.net())).toList();
        return Revenue.of(first, last, rows);
    }

    /** Revenue as CSV (RFC 4180), one row per clinic, month, practitioner and what was sold. */
    @Audited(action = AuditAction.EXPORT, recordType = Invoices.INVOICE)
    String revenueCsv(LocalDate first, LocalDate last, Locale locale) {
        StringWriter out = new StringWriter();
        String[] header = List.of("revenue.clinic", "revenue.month", "revenue.practitioner", "revenue.item",
                "revenue.net", "sales.csv.currency").stream().map(key -> texts.getMessage(key, null, locale))
                .toArray(String[]::new);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (Revenue.Row row : revenue(first, last, locale).rows()) {
                csv.printRecord(row.clinic(), row.month(), row.practitioner(), row.item(), row.net().toPlainString(),
                        row.currency());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void requirePeriod(LocalDate first, LocalDate last) {
        if (last.isBefore(first) || first.plusYears(1).isBefore(last)) {
            throw BusinessRuleException.onField("to", "sales.exportPeriod");
        }
    }

    /** A period's revenue before VAT, as rows and their totals by clinic, practitioner, item and month. */
    record Revenue(LocalDate first, LocalDate last, List<Row> rows, List<Total> byClinic, List<Total> byPractitioner,
            List<Total> byItem, List<Total> byMonth) {

        static Revenue of(LocalDate first, LocalDate last, List<Row> rows) {
            return new Revenue(first, last, rows, totals(rows, Row::clinic), totals(rows, Row::practitioner),
                    totals(rows, Row::item), totals(rows, Row::month));
        }

        private static List<Total> totals(List<Row> rows, java.util.function.Function<Row, String> by) {
            Map<List<String>, BigDecimal> sums = new java.util.TreeMap<>(java.util.Comparator
                    .comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
            rows.forEach(row -> sums.merge(List.of(by.apply(row), row.currency()), row.net(), BigDecimal::add));
            return sums.entrySet().stream().map(e -> new Total(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                    .toList();
        }

        record Row(String clinic, String month, String practitioner, String item, String currency, BigDecimal net) {
        }

        record Total(String label, String currency, BigDecimal net) {
        }
    }

    @Audited(action = AuditAction.SEARCH, recordType = Invoices.INVOICE, clinicId = "#clinicId")
    List<InvoiceStore.Outstanding> outstanding(long clinicId) {
        clinics.requireClinic(clinicId, Privilege.BILLING_READ);
        return invoices.outstanding(clinicId);
    }

    /**
     * The invoices and credit notes issued in a period, one line each with its totals, as CSV (RFC 4180) with the
     * column names in the reader's language: what an accountant takes into the books.
     */
    @Audited(action = AuditAction.EXPORT, recordType = Invoices.INVOICE, clinicId = "#clinicId")
    String documentsCsv(long clinicId, LocalDate first, LocalDate last, Locale locale) {
        clinics.requireClinic(clinicId, Privilege.BILLING_READ);
        requirePeriod(first, last);
        StringWriter out = new StringWriter();
        String[] header = List.of("sales.csv.number", "sales.csv.kind", "sales.csv.issuedOn", "sales.csv.buyer",
                "sales.csv.corrects", "sales.csv.net", "sales.csv.vat", "sales.csv.gross", "sales.csv.currency")
                .stream().map(key -> texts.getMessage(key, null, locale)).toArray(String[]::new);
        List<Invoice> documents = invoices.issuedBetween(clinicId, first, last);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (Invoice document : documents) {
                Invoice.Totals totals = document.totals();
                String corrects = document.creditOf() == null ? "" : documents.stream()
                        .filter(d -> d.id() == document.creditOf()).map(Invoice::displayNumber).findFirst()
                        .orElseGet(() -> invoices.find(document.creditOf()).orElseThrow().displayNumber());
                csv.printRecord(document.displayNumber(), texts.getMessage("invoice.kind." + document.kind(), null,
                        locale), document.issuedOn(), document.buyerName(), corrects, totals.net().toPlainString(),
                        totals.vat().toPlainString(), totals.gross().toPlainString(), document.currency());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
