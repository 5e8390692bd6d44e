package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An invoice as the API shows it: its number as printed, its lines with their net amounts, its totals. */
record InvoiceView(long id, long clinicId, Long patientId, Invoice.Kind kind, Invoice.Status status, String number,
        LocalDate issuedOn, String currency, String buyerName, String buyerAddress, Long creditOf, String creditReason,
        List<Line> lines, Invoice.Totals totals, int version) {

    static InvoiceView of(Invoice invoice) {
        return new InvoiceView(invoice.id(), invoice.clinicId(), invoice.patientId(), invoice.kind(),
                invoice.status(), invoice.displayNumber(), invoice.issuedOn(), invoice.currency(),
                invoice.buyerName(), invoice.buyerAddress(), invoice.creditOf(), invoice.creditReason(),
                invoice.lines().stream().map(line -> new Line(line.position(), line.description(), line.quantity(),
                        line.unitPrice(), line.vatCategory(), line.vatRate(), line.net(), line.exemption())).toList(),
                invoice.totals(), invoice.version());
    }

    record Line(int position, String description, BigDecimal quantity, BigDecimal unitPrice, String vatCategory,
            BigDecimal vatRate, BigDecimal net, String exemption) {
    }
}
