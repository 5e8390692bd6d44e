package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.follicle.system.BusinessRuleException;

/**
 * Money received for an invoice, or given back. Recorded once and never changed; each is the next of the clinic's
 * payments, sealed after the one before.
 */
record Payment(long id, long clinicId, long invoiceId, Kind kind, Method method, BigDecimal amount, String currency,
        LocalDate receivedOn, String reference, long number, Instant recordedAt, String recordedBy) {

    enum Kind {
        PAYMENT, REFUND
    }

    enum Method {
        CASH, CARD, TRANSFER, ONLINE
    }

    /** The text its seal covers, with the seal of the clinic's previous payment. */
    String canonical(String previousSeal) {
        return Canonical.of(previousSeal, clinicId, invoiceId, kind, method, amount.setScale(2), currency, receivedOn,
                reference, number, recordedAt, recordedBy);
    }

    /**
     * Where an issued invoice stands: what is due once its credit notes are taken off, what was paid and given
     * back.
     */
    record Account(BigDecimal due, BigDecimal paid, BigDecimal refunded) {

        static Account of(Invoice invoice, List<Invoice> creditNotes, List<Payment> payments) {
            return new Account(invoice.totals().gross().subtract(Invoice.credited(creditNotes)), sum(payments, Kind.PAYMENT),
                    sum(payments, Kind.REFUND));
        }

        private static BigDecimal sum(List<Payment> payments, Kind kind) {
            return payments.stream().filter(p -> p.kind() == kind).map(Payment::amount)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }

        /** What the patient still owes; negative when the clinic owes the patient (a credit note after payment). */
        public BigDecimal balance() {
            return due.subtract(paid).add(refunded);
        }

        /** A payment may settle the balance, not more. */
        void requirePayable(BigDecimal amount) {
            if (amount.compareTo(balance()) > 0) {
                throw BusinessRuleException.onField("amount", "payment.aboveBalance", amount.toPlainString(),
                        balance().max(BigDecimal.ZERO).toPlainString());
            }
        }

        /** A refund gives back what was paid beyond what is due, not more. */
        void requireRefundable(BigDecimal amount) {
            BigDecimal owed = balance().negate();
            if (amount.compareTo(owed) > 0) {
                throw BusinessRuleException.onField("amount", "payment.refundAboveCredit", amount.toPlainString(),
                        owed.max(BigDecimal.ZERO).toPlainString());
            }
        }
    }
}
