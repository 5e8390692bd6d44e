package org.follicle.billing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.security.Seals;
import org.follicle.system.BusinessRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The day's closure at the desk, and the month's: the period's figures fixed and sealed after the clinic's previous
 * closure. Once a day is closed nothing more is issued or received on it; a closure waits for the documents being
 * issued at that moment (they hold the closures' series).
 */
@Service
@Transactional
class Closures {

    static final String CLOSURE = "closure";

    static final String SERIES = "CLOSURE";

    private final ClosureStore store;

    private final InvoiceStore invoices;

    private final PaymentStore payments;

    private final SeriesStore series;

    private final SellerStore sellers;

    private final VatRates vat;

    private final Seals seals;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final JsonMapper json;

    private final Clock clock;

    Closures(ClosureStore store, InvoiceStore invoices, PaymentStore payments, SeriesStore series,
            SellerStore sellers, VatRates vat, Seals seals, ClinicDirectory clinics, ClinicAccess access,
            AuditLog audit, JsonMapper json, Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.payments = payments;
        this.series = series;
        this.sellers = sellers;
        this.vat = vat;
        this.seals = seals;
        this.clinics = clinics;
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Closes a day (today once the desk is done, or a day before) or a month that is over. A period is closed once.
     */
    Closure close(long clinicId, Request in) {
        ClinicView clinic = clinics.requireClinic(clinicId, Privilege.BILLING_WRITE);
        Seller seller = sellers.find(clinicId).orElseThrow(() -> new BusinessRuleException("billing.noSeller"));
        Closure.Period period = Closure.Period.valueOf(in.period());
        LocalDate today = clinic.today(clock);
        LocalDate first = period == Closure.Period.DAY ? in.day() : in.day().withDayOfMonth(1);
        LocalDate last = period == Closure.Period.DAY ? first : first.with(TemporalAdjusters.lastDayOfMonth());
        if (period == Closure.Period.DAY ? first.isAfter(today) : !last.isBefore(today)) {
            throw BusinessRuleException.onField("day", "closure.periodNotOver");
        }
        SeriesStore.Series taken = series.take(clinicId, SERIES);
        if (store.closed(clinicId, period, first)) {
            throw BusinessRuleException.onField("day", "closure.alreadyClosed", first.toString());
        }
        String summary = json.writeValueAsString(Closure.Summary.of(vat.currency(seller.country()),
                invoices.issuedBetween(clinicId, first, last),
                payments.recordedBetween(clinicId, clinic.timeZone(), first, last)));
        Closure closure = new Closure(0, clinicId, period, first, last, summary, taken.number(),
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS), access.current().username());
        Seals.Seal seal = seals.seal(closure.canonical(taken.lastSeal()));
        long id = store.insert(clinic.organisationId(), closure, taken.lastSeal(), seal);
        series.sealed(clinicId, SERIES, seal.hash());
        audit.record(new AuditRecord(AuditAction.CREATE, CLOSURE, String.valueOf(id), clinicId, AuditOutcome.SUCCESS,
                period.name().toLowerCase() + " " + first));
        return new Closure(id, clinicId, period, first, last, summary, closure.number(), closure.closedAt(),
                closure.closedBy());
    }

    @Audited(action = AuditAction.READ, recordType = CLOSURE, recordId = "#clinicId", clinicId = "#clinicId")
    List<Closure> ofClinic(long clinicId) {
        clinics.requireClinic(clinicId, Privilege.BILLING_READ);
        return store.ofClinic(clinicId);
    }

    /**
     * Refuses a document or a payment on a day already closed. Called by the writer before it writes, holding the
     * closures' series until its transaction ends so that the day cannot close in between.
     */
    void requireOpen(long clinicId, LocalDate day) {
        series.hold(clinicId, SERIES);
        if (store.dayClosed(clinicId, day)) {
            throw new BusinessRuleException("closure.dayClosed", day.toString());
        }
    }

    /**
     * The first day from {@code from} on that is not closed, for money that comes in whatever the hour (online): the
     * closures' series is held as by {@link #requireOpen}.
     */
    LocalDate firstOpenDay(long clinicId, LocalDate from) {
        series.hold(clinicId, SERIES);
        LocalDate day = from;
        while (store.dayClosed(clinicId, day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * @param period {@code DAY} or {@code MONTH}
     * @param day the day closed, or any day of the month closed
     */
    record Request(@NotNull @Pattern(regexp = "DAY|MONTH", message = "{closure.periodUnknown}") String period,
            @NotNull LocalDate day) {
    }
}
