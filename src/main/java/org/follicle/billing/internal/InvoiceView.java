package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as the API shows it: its number as printed, its lines with their net amounts, its totals, and for an
 * issued invoice its payments and what is still owed.
 *
 * @param balance what the patient still owes (negative: what the clinic owes back); {@code null} for a draft or a
 * credit note
 */
record InvoiceView(long id, long clinicId, Long patientId, Invoice.Kind kind, Invoice.Status status, String number,
        LocalDate issuedOn, String currency, String buyerName, String buyerAddress, Long creditOf, String creditReason,
        List<Line> lines, Invoice.Totals totals, List<PaymentView> payments, BigDecimal balance, int version) {

    static InvoiceView of(Invoice invoice, List<Payment> payments, Payment.Account account) {
        return new InvoiceView(invoice.id(), invoice.clinicId(), invoice.patientId(), invoice.kind(),
                invoice.status(), invoice.displayNumber(), invoice.issuedOn(), invoice.currency(),
                invoice.buyerName(), invoice.buyerAddress(), invoice.creditOf(), invoice.creditReason(),
                invoice.lines().stream().map(line -> new Line(line.position(), line.description(), line.quantity(),
                        line.unitPrice(), line.vatCategory(), line.vatRate(), line.net(), line.exemption(),
                        line.priceId(), line.depositId())).toList(),
                invoice.totals(), payments.stream().map(PaymentView::of).toList(),
                account == null ? null : account.balance(), invoice.version());
    }

    record Line(int position, String description, BigDecimal quantity, BigDecimal unitPrice, String vatCategory,
            BigDecimal vatRate, BigDecimal net, String exemption, Long priceId, Long depositId) {
    }

    record PaymentView(long id, Payment.Kind kind, Payment.Method method, BigDecimal amount, LocalDate receivedOn,
            String reference) {

        static PaymentView of(Payment payment) {
            return new PaymentView(payment.id(), payment.kind(), payment.method(), payment.amount(),
                    payment.receivedOn(), payment.reference());
        }
    }
}
