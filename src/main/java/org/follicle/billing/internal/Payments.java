package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.security.Seals;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments at the front desk against an issued invoice (cash, card terminal, bank transfer), partial or whole, and
 * refunds of what a credit note left the patient in credit. The invoice's row is locked while its balance is
 * checked, so two desks cannot both take its last euro.
 */
@Service
@Transactional
class Payments {

    static final String PAYMENT = "payment";

    /** The clinic's series that numbers and seals its payments and refunds. */
    static final String SERIES = "PAYMENT";

    private final InvoiceStore invoices;

    private final PaymentStore store;

    private final SeriesStore series;

    private final Seals seals;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    private final Closures closures;

    Payments(InvoiceStore invoices, PaymentStore store, SeriesStore series, Seals seals, ClinicDirectory clinics,
            ClinicAccess access, AuditLog audit, Clock clock, Closures closures) {
        this.closures = closures;
        this.invoices = invoices;
        this.store = store;
        this.series = series;
        this.seals = seals;
        this.clinics = clinics;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    Payment record(long invoiceId, Received in) {
        Invoice seen = invoices.find(invoiceId)
                .orElseThrow(() -> new RecordNotFoundException(Invoices.INVOICE, invoiceId));
        access.requireVisible(Privilege.BILLING_WRITE, seen.clinicId(), Invoices.INVOICE, invoiceId);
        Invoice invoice = invoices.lock(invoiceId).orElseThrow();
        if (invoice.kind() != Invoice.Kind.INVOICE || invoice.status() != Invoice.Status.ISSUED) {
            throw new BusinessRuleException("payment.onlyIssuedInvoice");
        }
        Payment.Account account = account(invoice);
        Payment.Kind kind = Payment.Kind.valueOf(in.kind() == null ? "PAYMENT" : in.kind());
        if (kind == Payment.Kind.PAYMENT) {
            account.requirePayable(in.amount());
        }
        else {
            account.requireRefundable(in.amount());
        }
        LocalDate today = clinics.find(invoice.clinicId()).orElseThrow().today(clock);
        closures.requireOpen(invoice.clinicId(), today);
        return receive(invoice, kind, Payment.Method.valueOf(in.method()), in.amount(), today,
                in.reference() == null || in.reference().isBlank() ? null : in.reference().strip(),
                access.current().username());
    }

    /**
     * Money the gateway says it received online for an invoice: recorded even beyond what is owed (it was taken;
     * the balance then shows it owed back), on the clinic's first day not yet closed.
     */
    Payment receivedOnline(long invoiceId, BigDecimal amount, String reference, String gateway) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow();
        LocalDate day = closures.firstOpenDay(invoice.clinicId(),
                clinics.find(invoice.clinicId()).orElseThrow().today(clock));
        return receive(invoice, Payment.Kind.PAYMENT, Payment.Method.ONLINE, amount, day, reference,
                "payment gateway " + gateway.toLowerCase(java.util.Locale.ROOT));
    }

    /** Numbers and seals a payment after the clinic's previous one: the one place a payment is written. */
    private Payment receive(Invoice invoice, Payment.Kind kind, Payment.Method method, BigDecimal amount,
            LocalDate day, String reference, String by) {
        SeriesStore.Series taken = series.take(invoice.clinicId(), SERIES);
        Payment payment = new Payment(0, invoice.clinicId(), invoice.id(), kind, method, amount, invoice.currency(),
                day, reference, taken.number(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS), by);
        Seals.Seal seal = seals.seal(payment.canonical(taken.lastSeal()));
        long id = store.insert(invoice.organisationId(), payment, taken.lastSeal(), seal);
        series.sealed(invoice.clinicId(), SERIES, seal.hash());
        audit.record(new AuditRecord(AuditAction.CREATE, PAYMENT, String.valueOf(id), invoice.clinicId(),
                AuditOutcome.SUCCESS, kind.name().toLowerCase() + " of " + amount.toPlainString() + " "
                        + invoice.currency() + " for " + invoice.displayNumber()));
        return new Payment(id, payment.clinicId(), payment.invoiceId(), kind, method, amount, payment.currency(),
                day, reference, payment.number(), payment.recordedAt(), by);
    }

    /** Where the invoice stands, its payments read in the same transaction; the caller has checked access. */
    Payment.Account account(Invoice invoice) {
        return Payment.Account.of(invoice, invoices.creditNotesOf(invoice.id()), store.ofInvoice(invoice.id()));
    }

    /**
     * Money received or given back. The method at the desk is cash, the card terminal or a bank transfer; an online
     * payment is recorded by the payment gateway, not by hand.
     *
     * Recorded on the clinic's day it is entered, the day whose closure counts it.
     *
     * @param kind {@code PAYMENT} (when left out) or {@code REFUND}
     */
    record Received(@NotNull @Pattern(regexp = "CASH|CARD|TRANSFER", message = "{payment.methodUnknown}") String method,
            @NotNull @Positive @DecimalMax("999999.99") @Digits(integer = 6, fraction = 2) BigDecimal amount,
            @Pattern(regexp = "PAYMENT|REFUND", message = "{payment.kindUnknown}") String kind,
            @Size(max = 200) String reference) {
    }
}
