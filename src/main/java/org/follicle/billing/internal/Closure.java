package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A closed day or month: what the clinic invoiced and credited per VAT rate and what it received and gave back per
 * payment method. Its summary is kept as the text it was sealed with.
 */
record Closure(long id, long clinicId, Period period, LocalDate firstDay, LocalDate lastDay, String summary,
        long number, Instant closedAt, String closedBy) {

    enum Period {
        DAY, MONTH
    }

    /** The text its seal covers, with the seal of the clinic's previous closure. */
    String canonical(String previousSeal) {
        return Canonical.of(previousSeal, clinicId, period, firstDay, lastDay, number, closedAt, closedBy, summary);
    }

    /**
     * The period's figures: documents by kind, their amounts per VAT category and rate (each document's VAT as it
     * printed it), and money by payment method.
     */
    record Summary(String currency, int invoices, int creditNotes, List<RateTotal> invoiced, List<RateTotal> credited,
            BigDecimal invoicedGross, BigDecimal creditedGross, List<MethodTotal> received, List<MethodTotal> refunded) {

        static Summary of(String currency, List<Invoice> documents, List<Payment> payments) {
            List<Invoice> invoices = documents.stream().filter(d -> d.kind() == Invoice.Kind.INVOICE).toList();
            List<Invoice> notes = documents.stream().filter(d -> d.kind() == Invoice.Kind.CREDIT_NOTE).toList();
            return new Summary(currency, invoices.size(), notes.size(), byRate(invoices), byRate(notes),
                    gross(invoices), gross(notes), byMethod(payments, Payment.Kind.PAYMENT),
                    byMethod(payments, Payment.Kind.REFUND));
        }

        private static List<RateTotal> byRate(List<Invoice> documents) {
            Map<String, RateTotal> totals = new TreeMap<>();
            documents.forEach(document -> document.totals().byRate().forEach(rate -> totals.merge(
                    rate.category() + "|" + rate.rate().setScale(2).toPlainString(),
                    new RateTotal(rate.category(), rate.rate().setScale(2), rate.taxable(), rate.vat()),
                    RateTotal::plus)));
            return totals.values().stream().sorted(Comparator.comparing(RateTotal::rate).reversed()).toList();
        }

        private static BigDecimal gross(List<Invoice> documents) {
            return documents.stream().map(d -> d.totals().gross()).reduce(BigDecimal.ZERO.setScale(2),
                    BigDecimal::add);
        }

        private static List<MethodTotal> byMethod(List<Payment> payments, Payment.Kind kind) {
            Map<Payment.Method, BigDecimal> totals = new TreeMap<>();
            payments.stream().filter(p -> p.kind() == kind)
                    .forEach(p -> totals.merge(p.method(), p.amount(), BigDecimal::add));
            return totals.entrySet().stream().map(e -> new MethodTotal(e.getKey(), e.getValue())).toList();
        }
    }

    record RateTotal(String category, BigDecimal rate, BigDecimal taxable, BigDecimal vat) {

        RateTotal plus(RateTotal other) {
            return new RateTotal(category, rate, taxable.add(other.taxable), vat.add(other.vat));
        }
    }

    record MethodTotal(Payment.Method method, BigDecimal amount) {
    }
}
