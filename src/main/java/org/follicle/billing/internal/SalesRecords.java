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
 * the first record to the last. It reads one snapshot: a document issued while it walks is not half seen.
 */
@Service
@Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
class SalesRecords {

    private final InvoiceStore store;

    private final Seals seals;

    private final ClinicDirectory clinics;

    private final AuditLog audit;

    private final SeriesStore series;

    private final PaymentStore payments;

    private final ClosureStore closures;

    SalesRecords(InvoiceStore store, Seals seals, ClinicDirectory clinics, AuditLog audit, SeriesStore series,
            PaymentStore payments, ClosureStore closures) {
        this.closures = closures;
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
        series.add(verifyClosures(clinicId));
        Verification result = new Verification(series.stream().allMatch(SeriesCheck::intact), series);
        audit.record(new AuditRecord(AuditAction.AUDIT_VERIFY, "sales-records", String.valueOf(clinicId), clinicId,
                AuditOutcome.SUCCESS, result.intact() ? "intact" : "broken"));
        return result;
    }

    private SeriesCheck verify(long clinicId, Invoice.Kind kind) {
        return walk(clinicId, kind.name(), store.issued(clinicId, kind).stream().map(document -> new Link(
                document.invoice().number(), document.previousSeal(), document.seal(),
                document.invoice()::canonical)).toList());
    }

    private SeriesCheck verifyPayments(long clinicId) {
        return walk(clinicId, Payments.SERIES, payments.sealed(clinicId).stream().map(sealed -> new Link(
                sealed.payment().number(), sealed.previousSeal(), sealed.seal(), sealed.payment()::canonical)).toList());
    }

    private SeriesCheck verifyClosures(long clinicId) {
        return walk(clinicId, Closures.SERIES, closures.sealed(clinicId).stream().map(sealed -> new Link(
                sealed.closure().number(), sealed.previousSeal(), sealed.seal(), sealed.closure()::canonical)).toList());
    }

    /**
     * Walks a series in the order of its numbers: each record must be the next number, name the seal before it, and
     * be sealed with its own text; the series' counter and last seal must end where the records do, or records were
     * removed from the end.
     */
    private SeriesCheck walk(long clinicId, String name, List<Link> links) {
        String previous = SeriesStore.GENESIS;
        long expected = 1;
        for (Link link : links) {
            if (link.number() != expected) {
                return SeriesCheck.broken(name, links.size(), "NUMBER_MISSING", expected);
            }
            if (!previous.equals(link.previousSeal())
                    || !seals.verifies(link.canonical().apply(previous), link.seal())) {
                return SeriesCheck.broken(name, links.size(), "SEAL_MISMATCH", link.number());
            }
            previous = link.seal().hash();
            expected++;
        }
        SeriesStore.Series end = series.find(clinicId, name);
        if (end.number() != expected || !end.lastSeal().equals(previous)) {
            return SeriesCheck.broken(name, links.size(), "END_MISSING", expected);
        }
        return new SeriesCheck(name, links.size(), true, null, null);
    }

    /** One sealed record of a series: its number, the seal it names, its own, and its text given the previous seal. */
    private record Link(long number, String previousSeal, Seals.Seal seal,
            java.util.function.Function<String, String> canonical) {
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
