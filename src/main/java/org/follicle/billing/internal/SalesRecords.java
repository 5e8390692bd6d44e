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
 * documents is a chain of seals, numbered without gaps, that verification walks from the first document to the
 * last.
 */
@Service
@Transactional(readOnly = true)
class SalesRecords {

    static final String GENESIS = "0".repeat(64);

    private final InvoiceStore store;

    private final Seals seals;

    private final ClinicDirectory clinics;

    private final AuditLog audit;

    SalesRecords(InvoiceStore store, Seals seals, ClinicDirectory clinics, AuditLog audit) {
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
        Verification result = new Verification(series.stream().allMatch(SeriesCheck::intact), series);
        audit.record(new AuditRecord(AuditAction.AUDIT_VERIFY, "sales-records", String.valueOf(clinicId), clinicId,
                AuditOutcome.SUCCESS, result.intact() ? "intact" : "broken"));
        return result;
    }

    private SeriesCheck verify(long clinicId, Invoice.Kind kind) {
        List<InvoiceStore.Sealed> documents = store.issued(clinicId, kind);
        String previous = GENESIS;
        long expected = 1;
        for (InvoiceStore.Sealed document : documents) {
            Invoice invoice = document.invoice();
            if (invoice.number() != expected) {
                return SeriesCheck.broken(kind, documents.size(), "NUMBER_MISSING", expected);
            }
            if (!previous.equals(document.previousSeal())
                    || !seals.verifies(invoice.canonical(previous), document.seal())) {
                return SeriesCheck.broken(kind, documents.size(), "SEAL_MISMATCH", invoice.number());
            }
            previous = document.seal().hash();
            expected++;
        }
        // The series' counter and last seal are the chain's end: a document removed from the end shows there.
        InvoiceStore.Series end = store.series(clinicId, kind).orElse(new InvoiceStore.Series(1, GENESIS));
        if (end.number() != expected || !end.lastSeal().equals(previous)) {
            return SeriesCheck.broken(kind, documents.size(), "END_MISSING", expected);
        }
        return new SeriesCheck(kind, documents.size(), true, null, null);
    }

    record Verification(boolean intact, List<SeriesCheck> series) {
    }

    /**
     * @param problem {@code NUMBER_MISSING}, {@code SEAL_MISMATCH} (changed, or out of order) or {@code END_MISSING}
     * (the series' last documents are gone); {@code null} when intact
     * @param at the number where the chain breaks
     */
    record SeriesCheck(Invoice.Kind kind, int documents, boolean intact, String problem, Long at) {

        static SeriesCheck broken(Invoice.Kind kind, int documents, String problem, long at) {
            return new SeriesCheck(kind, documents, false, problem, at);
        }
    }
}
