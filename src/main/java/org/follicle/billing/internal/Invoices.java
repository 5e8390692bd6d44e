package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.scheduling.AppointmentBook;
import org.follicle.scheduling.AppointmentStatus;
import org.follicle.scheduling.AppointmentView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.security.Seals;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.follicle.system.StaleRecordException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices and credit notes of a clinic: drafted, changed while drafts, issued under the next number of their
 * series, corrected only by credit notes. Every act is authorised in the invoice's clinic and audited.
 */
@Service
@Transactional
class Invoices {

    static final String INVOICE = "invoice";

    /** The largest total a document can carry (the database keeps twelve digits, two after the point). */
    private static final BigDecimal LARGEST = new BigDecimal("9999999999.99");

    private final InvoiceStore store;

    private final SellerStore sellers;

    private final VatRates vat;

    private final ClinicDirectory clinics;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    private final InvoiceDocuments documents;

    private final Seals seals;

    private final SeriesStore series;

    private final PaymentStore paymentStore;

    private final Closures closures;

    private final AppointmentBook appointments;

    private final PriceList prices;

    private final CourseStore courses;

    private final MessageSource texts;

    Invoices(InvoiceStore store, SellerStore sellers, VatRates vat, ClinicDirectory clinics, PatientRegistry patients,
            ClinicAccess access, AuditLog audit, Clock clock, InvoiceDocuments documents, Seals seals,
            SeriesStore series, PaymentStore paymentStore, Closures closures, AppointmentBook appointments,
            PriceList prices, CourseStore courses, MessageSource texts) {
        this.texts = texts;
        this.prices = prices;
        this.courses = courses;
        this.appointments = appointments;
        this.closures = closures;
        this.series = series;
        this.paymentStore = paymentStore;
        this.documents = documents;
        this.seals = seals;
        this.store = store;
        this.sellers = sellers;
        this.vat = vat;
        this.clinics = clinics;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A draft invoice to a patient of the clinic, or to a buyer named by hand. */
    Invoice draft(Draft in) {
        ClinicView clinic = clinics.requireClinic(in.clinicId(), Privilege.BILLING_WRITE);
        Seller seller = sellerOf(clinic.id());
        PatientView patient = in.patientId() == null ? null
                : patients.openPatientOf(clinic.organisationId(), in.patientId());
        String buyer = in.buyerName() != null && !in.buyerName().isBlank() ? in.buyerName().strip()
                : patient == null ? null : patient.displayName();
        if (buyer == null) {
            throw BusinessRuleException.onField("buyerName", "billing.buyerRequired");
        }
        List<Invoice.Line> lines = lines(seller, clinic.id(), in.patientId(), in.lines());
        long id = store.insertDraft(new Invoice(0, clinic.organisationId(), clinic.id(), in.patientId(),
                Invoice.Kind.INVOICE, Invoice.Status.DRAFT, null, null, null, vat.currency(seller.country()), buyer,
                in.buyerAddress(), null, null, List.of(), 0, clock.instant(), access.current().username(), null, null, null));
        if (in.appointmentId() != null) {
            AppointmentView visit = appointments.appointment(in.appointmentId());
            if (patient == null || visit.patientId() != patient.id()) {
                throw BusinessRuleException.onField("appointmentId", "billing.visitNotOfPatient");
            }
            lines = withDeductions(lines, store.depositsToDeduct(visit.id()));
            store.replaceLines(id, 0, lines);
            store.attribute(id, visit.practitionerId());
        }
        else {
            store.replaceLines(id, 0, lines);
        }
        audit.record(AuditRecord.success(AuditAction.CREATE, INVOICE, id, clinic.id()));
        return store.find(id).orElseThrow();
    }

    /** A draft's lines, replaced as a whole. */
    Invoice changeLines(long id, int version, List<LineInput> in) {
        Invoice invoice = writable(id);
        invoice.requireDraft();
        List<Invoice.Line> typed = lines(sellerOf(invoice.clinicId()), invoice.clinicId(), invoice.patientId(), in);
        List<Invoice.Line> deductions = invoice.lines().stream().filter(line -> line.depositId() != null).toList();
        if (!store.replaceLines(id, version, renumbered(typed, deductions))) {
            throw new StaleRecordException(INVOICE, id);
        }
        audit.record(AuditRecord.success(AuditAction.UPDATE, INVOICE, id, invoice.clinicId()));
        return store.find(id).orElseThrow();
    }

    /** Issues a draft: the next number of the clinic's series, today's date in the clinic; final from then on. */
    Invoice issue(long id, int version) {
        Invoice invoice = writable(id);
        if (invoice.version() != version) {
            throw new StaleRecordException(INVOICE, id);
        }
        Invoice issued = issue(invoice, sellerOf(invoice.clinicId()), access.current().username());
        audit.record(new AuditRecord(AuditAction.UPDATE, INVOICE, String.valueOf(id), invoice.clinicId(),
                AuditOutcome.SUCCESS, "issued " + issued.displayNumber()));
        return issued;
    }

    /**
     * A credit note against an issued invoice, issued at once in the credit-note series: the lines given, or all
     * the invoice's lines when none are. It may not take back more than the invoice has left after earlier credit
     * notes, nor a course still open (cancelling the course credits what it has left).
     */
    Invoice creditNote(long invoiceId, CreditNote in) {
        writable(invoiceId);
        if (courses.openOn(invoiceId) > 0) {
            throw new BusinessRuleException("billing.cancelCourseFirst");
        }
        return credit(invoiceId, in);
    }

    /** A credit note, as {@link #creditNote} without the courses' guard: what cancelling a course issues. */
    Invoice credit(long invoiceId, CreditNote in) {
        writable(invoiceId);
        Invoice original = store.lock(invoiceId).orElseThrow();
        Seller seller = sellerOf(original.clinicId());
        List<Invoice.Line> lines = in.lines() == null || in.lines().isEmpty() ? original.lines().stream()
                .map(line -> new Invoice.Line(line.position(), line.description(), line.quantity(), line.unitPrice(),
                        line.vatCategory(), line.vatRate(), line.exemption(), null, line.depositId())).toList()
                : lines(seller, original.clinicId(), null, in.lines().stream().map(LineInput::typed).toList());
        original.requireCreditable(Invoice.Totals.of(lines), store.creditNotesOf(invoiceId));
        long id = store.insertDraft(new Invoice(0, original.organisationId(), original.clinicId(),
                original.patientId(), Invoice.Kind.CREDIT_NOTE, Invoice.Status.DRAFT, null, null, null,
                original.currency(), original.buyerName(), original.buyerAddress(), invoiceId, in.reason().strip(),
                List.of(), 0, clock.instant(), access.current().username(), null, null, null));
        store.replaceLines(id, 0, lines);
        store.practitionerOf(invoiceId).ifPresent(practitioner -> store.attribute(id, practitioner));
        Invoice issued = issue(store.find(id).orElseThrow(), seller, access.current().username());
        audit.record(new AuditRecord(AuditAction.CREATE, INVOICE, String.valueOf(id), original.clinicId(),
                AuditOutcome.SUCCESS, "credit note " + issued.displayNumber() + " of " + original.displayNumber()));
        return issued;
    }

    @Audited(action = AuditAction.READ, recordType = INVOICE, recordId = "#id", clinicId = "#result.clinicId()")
    Invoice invoice(long id) {
        return readable(id);
    }

    /**
     * An issued invoice or credit note as its Factur-X PDF, in the patient's language (the user's for a buyer who is
     * not a patient); audited as a print.
     */
    byte[] pdf(long id) {
        return pdf(readable(id));
    }

    /** The PDF of an invoice whose reader the caller has checked; audited as a print. */
    byte[] pdf(Invoice invoice) {
        long id = invoice.id();
        Invoice original = invoice.creditOf() == null ? null : store.find(invoice.creditOf()).orElseThrow();
        byte[] pdf = documents.pdf(invoice, original, prices.documentLanguage(invoice.patientId()));
        audit.record(AuditRecord.success(AuditAction.PRINT, INVOICE, id, invoice.clinicId()));
        return pdf;
    }

    /** The patient's invoices and credit notes in the clinics where the user may see billing, newest first. */
    @Audited(action = AuditAction.READ, recordType = INVOICE, recordId = "#patientId")
    List<Invoice> ofPatient(long patientId) {
        return store.ofPatient(patientId).stream().filter(i -> access.can(Privilege.BILLING_READ, i.clinicId()))
                .toList();
    }

    /**
     * What the patient owes (positive) or is owed (negative) across the issued invoices of the clinics where the user
     * sees billing, per currency; empty when settled. Not audited apart: the chart reads it with the invoices.
     */
    Map<String, BigDecimal> balanceOf(long patientId) {
        Map<String, BigDecimal> balance = new TreeMap<>();
        store.outstandingOfPatient(patientId).stream().filter(o -> access.can(Privilege.BILLING_READ, o.clinicId()))
                .forEach(o -> balance.merge(o.currency(), o.balance(), BigDecimal::add));
        balance.values().removeIf(amount -> amount.signum() == 0);
        return balance;
    }

    /** An invoice with its payments and balance, as the API shows it. */
    @Audited(action = AuditAction.READ, recordType = INVOICE, recordId = "#id", clinicId = "#result.clinicId()")
    InvoiceView view(long id) {
        return shown(readable(id));
    }

    /** An invoice the caller has just read or written, with its payments and, once issued, its balance. */
    InvoiceView shown(Invoice invoice) {
        List<Payment> payments = paymentStore.ofInvoice(invoice.id());
        boolean payable = invoice.kind() == Invoice.Kind.INVOICE && invoice.status() == Invoice.Status.ISSUED;
        return InvoiceView.of(invoice, payments, payable ? Payment.Account.of(invoice,
                store.creditNotesOf(invoice.id()), payments) : null);
    }

    /**
     * A deposit for a booked visit: an advance invoice, issued at once, for part of the visit's price before VAT,
     * under the VAT its care is invoiced under; the visit's invoice will deduct it. Paid as any invoice.
     */
    Invoice deposit(long appointmentId, DepositInput in) {
        AppointmentView visit = appointments.appointment(appointmentId);
        ClinicView clinic = clinics.requireClinic(visit.clinicId(), Privilege.BILLING_WRITE);
        if (visit.status() != AppointmentStatus.BOOKED) {
            throw new BusinessRuleException("billing.depositOnlyBooked");
        }
        PatientView patient = patients.openPatientOf(clinic.organisationId(), visit.patientId());
        Seller seller = sellerOf(clinic.id());
        BigDecimal price = visit(patient, appointmentId).map(Visit::price).orElse(null);
        if (price != null && in.amount().compareTo(price) > 0) {
            throw BusinessRuleException.onField("amount", "billing.depositAbovePrice", price.toPlainString());
        }
        String category = prices.careCategory(clinic.id(), patient.id(), visit.typeCode())
                .orElseThrow(() -> new BusinessRuleException("billing.depositNeedsVat"));
        VatRates.Category rate = vat.category(seller.country(), category, "vatCategory");
        Locale language = prices.documentLanguage(patient.id());
        String description = texts.getMessage("billing.depositLine", new Object[] {
                texts.getMessage("appointment.type." + visit.typeCode(), null, visit.typeCode(), language),
                visit.startsAt().toLocalDate().toString() }, language);
        long id = store.insertDraft(new Invoice(0, clinic.organisationId(), clinic.id(), patient.id(),
                Invoice.Kind.INVOICE, Invoice.Status.DRAFT, null, null, null, vat.currency(seller.country()),
                patient.displayName(), null, null, null, List.of(), 0, clock.instant(), access.current().username(),
                null, null, null));
        store.replaceLines(id, 0, List.of(new Invoice.Line(1, description, BigDecimal.ONE, in.amount(), category,
                rate.rate(), rate.exemption(), null)));
        store.depositFor(id, visit.id());
        store.attribute(id, visit.practitionerId());
        Invoice issued = issue(store.find(id).orElseThrow(), seller, access.current().username());
        audit.record(new AuditRecord(AuditAction.CREATE, INVOICE, String.valueOf(id), clinic.id(),
                AuditOutcome.SUCCESS, "deposit " + issued.displayNumber() + " for appointment " + visit.id()));
        return issued;
    }

    /** The patient's booked visits still to come in the patient's clinic, for a deposit. */
    List<AppointmentView> upcomingVisits(PatientView patient) {
        return appointments.upcomingOf(patient.id()).stream().filter(a -> a.clinicId() == patient.clinicId()).toList();
    }

    /** The lines, then a line deducting each of the visit's deposits; refused when the deposits exceed them. */
    private List<Invoice.Line> withDeductions(List<Invoice.Line> lines, List<Invoice> deposits) {
        List<Invoice.Line> deductions = new ArrayList<>();
        for (Invoice deposit : deposits) {
            for (Invoice.Line line : deposit.lines()) {
                deductions.add(new Invoice.Line(0, texts.getMessage("billing.depositDeducted", new Object[] {
                        deposit.displayNumber(), deposit.issuedOn().toString() },
                        LocaleContextHolder.getLocale()), BigDecimal.ONE.negate(),
                        line.net(), line.vatCategory(), line.vatRate(), line.exemption(), null, deposit.id()));
            }
        }
        return renumbered(lines, deductions);
    }

    private static List<Invoice.Line> renumbered(List<Invoice.Line> typed, List<Invoice.Line> deductions) {
        List<Invoice.Line> all = new ArrayList<>(typed);
        all.addAll(deductions);
        for (int i = 0; i < all.size(); i++) {
            all.set(i, all.get(i).at(i + 1));
        }
        if (!deductions.isEmpty() && Invoice.Totals.of(all).byRate().stream()
                .anyMatch(rate -> rate.taxable().signum() < 0)) {
            throw BusinessRuleException.onField("lines", "billing.depositsExceed");
        }
        return all;
    }

    /**
     * A visit of the patient's, in the patient's clinic, to invoice: its type, its day, the type's price (none when
     * the clinic has not set it) and its entry in the price list (none before the clinic sets its VAT); empty for an
     * appointment that is not the patient's.
     */
    Optional<Visit> visit(PatientView patient, long appointmentId) {
        AppointmentView appointment = appointments.appointment(appointmentId);
        if (appointment.patientId() != patient.id()) {
            return Optional.empty();
        }
        BigDecimal price = appointments.types(patient.organisationId()).stream()
                .filter(type -> type.code().equals(appointment.typeCode())).findFirst()
                .map(org.follicle.scheduling.AppointmentType::price).orElse(null);
        return Optional.of(new Visit(appointment.typeCode(), appointment.startsAt().toLocalDate(), price,
                prices.treatment(patient.clinicId(), appointment.typeCode()).map(Price::id).orElse(null)));
    }

    record Visit(String typeCode, LocalDate day, BigDecimal price, Long priceId) {
    }

    /** The VAT categories a line may take in the clinic, with their rates; empty before the seller is set. */
    Map<String, VatRates.Category> vatCategories(long clinicId) {
        return sellers.find(clinicId).map(seller -> vat.categories(seller.country())).orElse(Map.of());
    }

    Optional<Seller> seller(long clinicId) {
        return sellers.find(clinicId);
    }

    /**
     * Numbers and seals a draft after the last document of its series: the one place a document is issued. Its time
     * is kept to the microsecond, as the database keeps it, so that the text sealed is the text read back.
     */
    Invoice issue(Invoice draft, Seller seller, String by) {
        Invoice.Kind kind = draft.kind();
        LocalDate today = clinics.find(draft.clinicId()).orElseThrow().today(clock);
        closures.requireOpen(draft.clinicId(), today);
        if (kind == Invoice.Kind.INVOICE) {
            for (Invoice.Line line : draft.lines()) {
                if (line.depositId() != null && !store.lockDeductible(line.depositId())) {
                    throw new BusinessRuleException("billing.depositDeductedAlready");
                }
            }
        }
        SeriesStore.Series series = this.series.take(draft.clinicId(), kind.name());
        Invoice issued = draft.issued(seller, series.number(), today,
                Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS), by);
        Seals.Seal seal = seals.seal(issued.canonical(series.lastSeal()));
        if (!store.markIssued(issued, series.lastSeal(), seal)) {
            throw new StaleRecordException(INVOICE, draft.id());
        }
        this.series.sealed(draft.clinicId(), kind.name(), seal.hash());
        Invoice result = store.find(draft.id()).orElseThrow();
        if (kind == Invoice.Kind.INVOICE) {
            prices.fulfil(result);
        }
        return result;
    }

    private Invoice readable(long id) {
        return visible(id, Privilege.BILLING_READ);
    }

    private Invoice writable(long id) {
        return visible(id, Privilege.BILLING_WRITE);
    }

    private Invoice visible(long id, Privilege privilege) {
        Invoice invoice = store.find(id).orElseThrow(() -> new RecordNotFoundException(INVOICE, id));
        access.requireVisible(privilege, invoice.clinicId(), INVOICE, id);
        return invoice;
    }

    private Seller sellerOf(long clinicId) {
        return sellers.find(clinicId).orElseThrow(() -> new BusinessRuleException("billing.noSeller"));
    }

    /** The lines as the invoice keeps them: those from the price list completed by it, the others as typed. */
    private List<Invoice.Line> lines(Seller seller, long clinicId, Long patientId, List<LineInput> in) {
        List<Invoice.Line> lines = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            LineInput line = in.get(i);
            if (line.priceId() != null) {
                lines.add(prices.line(seller, clinicId, patientId, i + 1, line));
                continue;
            }
            String field = "lines[" + i + "].";
            if (line.description() == null || line.description().isBlank()) {
                throw BusinessRuleException.onField(field + "description", "billing.lineDescription");
            }
            if (line.unitPrice() == null) {
                throw BusinessRuleException.onField(field + "unitPrice", "billing.priceMissing");
            }
            if (line.vatCategory() == null || line.vatCategory().isBlank()) {
                throw BusinessRuleException.onField(field + "vatCategory", "billing.vatCategoryMissing");
            }
            VatRates.Category category = vat.category(seller.country(), line.vatCategory(), field + "vatCategory");
            lines.add(new Invoice.Line(i + 1, line.description().strip(), line.quantity(), line.unitPrice(),
                    line.vatCategory(), category.rate(), category.exemption(), null));
        }
        if (Invoice.Totals.of(lines).gross().compareTo(LARGEST) > 0) {
            throw BusinessRuleException.onField("lines", "billing.tooLarge", LARGEST.toPlainString());
        }
        return lines;
    }

    /**
     * @param buyerName who is billed; the patient's name when left out
     * @param appointmentId the patient's visit invoiced, whose practitioner the revenue reports credit
     */
    record Draft(@NotNull Long clinicId, Long patientId, @Size(max = 200) String buyerName,
            @Size(max = 500) String buyerAddress, @NotEmpty @Size(max = 100) List<@Valid @NotNull LineInput> lines,
            Long appointmentId) {
    }

    /**
     * A line: from the price list (its entry completes what is left out and sets the VAT), or typed by hand.
     *
     * @param priceId the price list's entry sold, or {@code null} for a line typed by hand
     * @param quantity up to three decimals (a fraction of a vial)
     * @param unitPrice the net price of one, before VAT
     * @param vatCategory {@code STANDARD} or {@code EXEMPT_MEDICAL} (a treatment with a therapeutic purpose); set
     *     by the price list on a line from it
     */
    record LineInput(Long priceId, @Size(max = 300) String description,
            @NotNull @Positive @Digits(integer = 4, fraction = 3) BigDecimal quantity,
            @PositiveOrZero @DecimalMax("999999.99") @Digits(integer = 6, fraction = 2) BigDecimal unitPrice,
            @Size(max = 20) String vatCategory) {

        /** The line as typed: what a credit note takes back opens no course and sells nothing. */
        LineInput typed() {
            return new LineInput(null, description, quantity, unitPrice, vatCategory);
        }
    }

    /** @param amount the part of the visit's price paid ahead, before VAT */
    record DepositInput(@NotNull @Positive @DecimalMax("999999.99") @Digits(integer = 6, fraction = 2) BigDecimal amount) {
    }

    /** @param lines what is taken back; all of the invoice when left out */
    record CreditNote(@NotBlank @Size(max = 2000) String reason, @Size(max = 100) List<@Valid @NotNull LineInput> lines) {
    }
}
