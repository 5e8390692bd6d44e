package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.follicle.billing.PatientBilling;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.SignedInPatient;
import org.follicle.system.RecordNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The patient's bills on the portal: only their own issued documents, every read audited. */
@Service
@Transactional
class PatientInvoices implements PatientBilling {

    private final InvoiceStore store;

    private final Invoices invoices;

    private final OnlinePayments online;

    private final PaymentGateway gateway;

    private final AuditLog audit;

    PatientInvoices(InvoiceStore store, Invoices invoices, OnlinePayments online, PaymentGateway gateway,
            AuditLog audit) {
        this.store = store;
        this.invoices = invoices;
        this.online = online;
        this.gateway = gateway;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Bill> billsOf(long patientId) {
        List<Bill> bills = store.ofPatient(patientId).stream().filter(i -> i.status() == Invoice.Status.ISSUED)
                .map(invoices::shown).map(v -> new Bill(v.id(), v.number(), v.kind() == Invoice.Kind.CREDIT_NOTE,
                        v.issuedOn(), v.totals().gross(), v.currency(), v.balance()))
                .toList();
        audit.record(AuditRecord.success(AuditAction.READ, "patient-invoices", patientId, null));
        return bills;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> balanceOf(long patientId) {
        Map<String, BigDecimal> balance = new TreeMap<>();
        store.outstandingOfPatient(patientId).forEach(o -> balance.merge(o.currency(), o.balance(), BigDecimal::add));
        balance.values().removeIf(amount -> amount.signum() == 0);
        return balance;
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] pdf(long patientId, long invoiceId) {
        return invoices.pdf(own(patientId, invoiceId));
    }

    @Override
    public String payOnline(long patientId, long invoiceId, String returnUrl) {
        Invoice invoice = own(patientId, invoiceId);
        String url = online.open(invoice.id(), returnUrl, SignedInPatient.actorName(patientId)).url();
        // The local gateway's page is the staff's; the patient pays on the portal's copy of it.
        return gateway instanceof LocalGateway ? "/portal" + url : url;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocalCheckout> localCheckout(long patientId, String checkoutId) {
        if (!(gateway instanceof LocalGateway)) {
            return Optional.empty();
        }
        return online.checkout(checkoutId).filter(c -> c.paymentId() == null).flatMap(c -> store.find(c.invoiceId())
                .filter(i -> i.patientId() != null && i.patientId() == patientId)
                .map(i -> new LocalCheckout(c.externalId(), i.id(), i.displayNumber(), c.amount(), c.currency())));
    }

    @Override
    public long payLocally(long patientId, String checkoutId) {
        LocalCheckout checkout = localCheckout(patientId, checkoutId)
                .orElseThrow(() -> new RecordNotFoundException(OnlinePayments.CHECKOUT, checkoutId));
        String[] notice = ((LocalGateway) gateway).notice(checkout.id(), checkout.amount(), checkout.currency());
        online.notice(gateway.name(), notice[0], notice[1]);
        return checkout.invoiceId();
    }

    /** The patient's issued invoice; anyone else's, or a draft, is not found (and the attempt audited). */
    private Invoice own(long patientId, long invoiceId) {
        Invoice invoice = store.find(invoiceId).filter(i -> i.patientId() != null && i.patientId() == patientId
                && i.status() == Invoice.Status.ISSUED).orElse(null);
        if (invoice == null) {
            audit.record(new AuditRecord(AuditAction.READ, Invoices.INVOICE, String.valueOf(invoiceId), null,
                    org.follicle.security.AuditOutcome.DENIED, "not the patient's"));
            throw new RecordNotFoundException(Invoices.INVOICE, invoiceId);
        }
        return invoice;
    }
}
