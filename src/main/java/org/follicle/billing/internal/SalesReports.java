package org.follicle.billing.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.follicle.clinics.ClinicDirectory;
import org.follicle.security.AuditAction;
import org.follicle.security.Audited;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the desk and the accountant read of the clinic's sales: what is still owed, and a period's documents. */
@Service
@Transactional(readOnly = true)
class SalesReports {

    private final InvoiceStore invoices;

    private final ClinicDirectory clinics;

    private final MessageSource texts;

    SalesReports(InvoiceStore invoices, ClinicDirectory clinics, MessageSource texts) {
        this.invoices = invoices;
        this.clinics = clinics;
        this.texts = texts;
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
        if (last.isBefore(first) || first.plusYears(1).isBefore(last)) {
            throw BusinessRuleException.onField("to", "sales.exportPeriod");
        }
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
