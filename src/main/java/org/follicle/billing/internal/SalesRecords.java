package org.follicle.billing.internal;

import java.util.ArrayList;
import java.util.List;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.Privilege;
import org.follicle.security.Seals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's sales records as France's cash-system rules and Spain's Verifactu ask of them: each series of issued
 * documents, and the clinic's payments, is a chain of seals numbered without gaps, that verification walks from
 * the first record to the last.
 */
@Service
@Transactional(readOnly = true)
class SalesRecords {

    private final InvoiceStore store;

    private final Seals seals;

    private final ClinicDirectory clinics;

    private final AuditLog audit;

    private final SeriesStore series;

    private final PaymentStore payments;

    SalesRecords(InvoiceStore store, Seals seals, ClinicDirectory clinics, AuditLog audit, SeriesStore series,
            PaymentStore payments) {
        this.series = series;
        this.payments = payments;
        this.store = store;
        this.seals = seals;
        this.clinics = clinics;
        this.audit = audit;
    }

    /** Walks every series of the clinic; the result names the first document that breaks its chain. */
    Verification verify(long clinicId) {
        clinics.requireClinic(clinicId, Privilege.AUDIT_READ);
        List<SeriesCheck> series = new ArrayList<>();
        for (Invoice.Kind kind : Invoice.Kind.values()) {
            series.add(verify(clinicId, kind));
        }
        series.add(verifyPayments(clinicId));
        Verification result = new Verification(series.stream().allMatch(SeriesCheck::intact), series);
        audit.record(new AuditRecord(AuditAction.AUDIT_VERIFY, "sales-records", String.valueOf(clinicId), clinicId,
                AuditOutcome.SUCCESS, result.intact() ? "intact" : "broken"));
        return result;
    }

    private SeriesCheck verify(long clinicId, Invoice.Kind kind) {
        List<InvoiceStore.Sealed> documents = store.issued(clinicId, kind);
        String previous = SeriesStore.GENESIS;
        long expected = 1;
        for (InvoiceStore.Sealed document : documents) {
            Invoice invoice = document.invoice();
            if (invoice.number() != expected) {
                return SeriesCheck.broken(kind.name(), documents.size(), "NUMBER_MISSING", expected);
            }
            if (!previous.equals(document.previousSeal())
                    || !seals.verifies(invoice.canonical(previous), document.seal())) {
                return SeriesCheck.broken(kind.name(), documents.size(), "SEAL_MISMATCH", invoice.number());
            }
            previous = document.seal().hash();
            expected++;
        }
        return end(clinicId, kind.name(), documents.size(), expected, previous);
    }

    private SeriesCheck verifyPayments(long clinicId) {
        List<PaymentStore.Sealed> payments = this.payments.sealed(clinicId);
        String previous = SeriesStore.GENESIS;
        long expected = 1;
        for (PaymentStore.Sealed sealed : payments) {
            Payment payment = sealed.payment();
            if (payment.number() != expected) {
                return SeriesCheck.broken(Payments.PAYMENT.toUpperCase(), payments.size(), "NUMBER_MISSING", expected);
            }
            if (!previous.equals(sealed.previousSeal())
                    || !seals.verifies(payment.canonical(previous), sealed.seal())) {
                return SeriesCheck.broken(Payments.PAYMENT.toUpperCase(), payments.size(), "SEAL_MISMATCH",
                        payment.number());
            }
            previous = sealed.seal().hash();
            expected++;
        }
        return end(clinicId, Payments.PAYMENT.toUpperCase(), payments.size(), expected, previous);
    }

    /** The series' counter and last seal are the chain's end: records removed from the end show there. */
    private SeriesCheck end(long clinicId, String name, int records, long expected, String previous) {
        SeriesStore.Series end = series.find(clinicId, name);
        if (end.number() != expected || !end.lastSeal().equals(previous)) {
            return SeriesCheck.broken(name, records, "END_MISSING", expected);
        }
        return new SeriesCheck(name, records, true, null, null);
    }

    record Verification(boolean intact, List<SeriesCheck> series) {
    }

    /**
     * @param problem {@code NUMBER_MISSING}, {@code SEAL_MISMATCH} (changed, or out of order) or {@code END_MISSING}
     * (the series' last documents are gone); {@code null} when intact
     * @param at the number where the chain breaks
     */
    record SeriesCheck(String series, int records, boolean intact, String problem, Long at) {

        static SeriesCheck broken(String series, int records, String problem, long at) {
            return new SeriesCheck(series, records, false, problem, at);
        }
    }
}
