package org.follicle.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patient's own bills, for the portal: issued invoices and credit notes, what is owed, the PDF, and paying
 * online. The caller has established that the patient is the one signed in; an invoice of anyone else is not found.
 */
public interface PatientBilling {

    /** The patient's issued invoices and credit notes, the newest first. */
    List<Bill> billsOf(long patientId);

    /** What the patient owes (positive) or is owed (negative), per currency; empty when settled. */
    Map<String, BigDecimal> balanceOf(long patientId);

    /** The issued invoice or credit note as its PDF. */
    byte[] pdf(long patientId, long invoiceId);

    /**
     * Opens the gateway's payment page for what the invoice still owes; returns its address (a page of the portal
     * for the local gateway that stands in for one in evaluation and tests).
     */
    String payOnline(long patientId, long invoiceId, String returnUrl);

    /** A payment page of the local gateway opened for the patient: the amount and the invoice's number. */
    Optional<LocalCheckout> localCheckout(long patientId, String checkoutId);

    /** Pays a local gateway's page as a card payment would; returns the invoice paid. */
    long payLocally(long patientId, String checkoutId);

    /**
     * An invoice or credit note as the patient sees it.
     *
     * @param balance what the invoice still owes, or {@code null} for a credit note
     */
    record Bill(long id, String number, boolean creditNote, LocalDate issuedOn, BigDecimal gross, String currency,
            BigDecimal balance) {

        public boolean payable() {
            return !creditNote && balance != null && balance.signum() > 0;
        }
    }

    record LocalCheckout(String id, long invoiceId, String number, BigDecimal amount, String currency) {
    }
}
