package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online card payments: a payment page opened at the gateway for what an invoice still owes, and the gateway's
 * signed notice that it was paid, which records the payment once however often the notice comes.
 */
@Service
@Transactional
class OnlinePayments {

    static final String CHECKOUT = "billing-checkout";

    private static final Logger LOG = LoggerFactory.getLogger(OnlinePayments.class);

    private final PaymentGateway gateway;

    private final CheckoutStore store;

    private final InvoiceStore invoices;

    private final Payments payments;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    OnlinePayments(PaymentGateway gateway, CheckoutStore store, InvoiceStore invoices, Payments payments,
            ClinicAccess access, AuditLog audit, Clock clock) {
        this.gateway = gateway;
        this.store = store;
        this.invoices = invoices;
        this.payments = payments;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens the gateway's payment page for what the issued invoice still owes; the page is kept, so that the link
     * can be sent to the patient.
     *
     * @param returnUrl where the gateway sends the patient back
     */
    CheckoutStore.Checkout begin(long invoiceId, String returnUrl) {
        Invoice seen = invoices.find(invoiceId)
                .orElseThrow(() -> new RecordNotFoundException(Invoices.INVOICE, invoiceId));
        access.requireVisible(Privilege.BILLING_WRITE, seen.clinicId(), Invoices.INVOICE, invoiceId);
        return open(invoiceId, returnUrl, access.current().username());
    }

    /** Opens the payment page of an invoice whose reader the caller has checked; {@code by} names who asked. */
    CheckoutStore.Checkout open(long invoiceId, String returnUrl, String by) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow();
        if (invoice.kind() != Invoice.Kind.INVOICE || invoice.status() != Invoice.Status.ISSUED) {
            throw new BusinessRuleException("payment.onlyIssuedInvoice");
        }
        BigDecimal owed = payments.account(invoice).balance();
        if (owed.signum() <= 0) {
            throw new BusinessRuleException("payment.nothingOwed");
        }
        // A new page for each new amount; a retry of the same request opens the same page.
        String key = "follicle-invoice-" + invoice.id() + "-" + store.countOf(invoice.id()) + "-" + owed.toPlainString();
        PaymentGateway.Checkout page;
        try {
            page = gateway.checkout(owed, invoice.currency(), invoice.displayNumber(), key, returnUrl);
        }
        catch (PaymentGateway.Unavailable e) {
            LOG.warn("The payment gateway did not open a page for invoice {}", invoice.id(), e);
            throw new BusinessRuleException("payment.gatewayUnavailable");
        }
        CheckoutStore.Checkout checkout = store.insert(invoice, gateway.name(), page, owed, clock.instant(), by);
        audit.record(new AuditRecord(AuditAction.CREATE, CHECKOUT, String.valueOf(checkout.id()), invoice.clinicId(),
                AuditOutcome.SUCCESS, owed.toPlainString() + " " + invoice.currency() + " for "
                        + invoice.displayNumber()));
        return checkout;
    }

    /** The payment pages opened for an invoice the caller has read. */
    @Transactional(readOnly = true)
    java.util.List<CheckoutStore.Checkout> ofInvoice(long invoiceId) {
        return store.ofInvoice(invoiceId);
    }

    /** The checkout of a page of this gateway's, for its page (the local gateway's); no access check. */
    @Transactional(readOnly = true)
    java.util.Optional<CheckoutStore.Checkout> checkout(String externalId) {
        return store.byExternal(gateway.name(), externalId, false);
    }

    /**
     * A notice from the gateway: believed once its signature is checked, it records the payment of its checkout, once.
     *
     * @param gatewayName the gateway the notice says it comes from
     * @return what the notice did
     */
    Outcome notice(String gatewayName, String payload, String signature) {
        if (!gateway.name().equals(gatewayName.toUpperCase(Locale.ROOT))) {
            throw new RecordNotFoundException("payment-gateway", gatewayName);
        }
        PaymentGateway.Paid paid = gateway.paid(payload, signature).orElse(null);
        if (paid == null) {
            return Outcome.IGNORED;
        }
        CheckoutStore.Checkout checkout = store.byExternal(gateway.name(), paid.checkoutId(), true).orElse(null);
        if (checkout == null) {
            LOG.warn("A paid notice from {} names checkout {}, which Follicle did not open", gateway.name(),
                    paid.checkoutId());
            return Outcome.UNKNOWN;
        }
        if (checkout.paymentId() != null) {
            return Outcome.ALREADY_RECORDED;
        }
        if (!checkout.currency().equals(paid.currency())) {
            LOG.warn("Checkout {} was opened in {} and paid in {}", checkout.id(), checkout.currency(),
                    paid.currency());
            return Outcome.UNKNOWN;
        }
        Payment payment = payments.receivedOnline(checkout.invoiceId(), paid.amount(), paid.reference(),
                gateway.name());
        store.paid(checkout.id(), payment.id());
        return Outcome.RECORDED;
    }

    enum Outcome {
        RECORDED, ALREADY_RECORDED, IGNORED, UNKNOWN
    }
}
