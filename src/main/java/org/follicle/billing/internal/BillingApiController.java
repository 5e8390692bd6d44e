package org.follicle.billing.internal;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.follicle.system.ETags;
import org.follicle.system.RecordNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Billing on the JSON API: the clinic's seller details, invoices and credit notes. */
@RestController
@Tag(name = "Billing")
class BillingApiController {

    private final Invoices invoices;

    private final Sellers sellers;

    private final SalesRecords records;

    private final Payments payments;

    private final Closures closures;

    private final tools.jackson.databind.json.JsonMapper json;

    private final SalesReports reports;

    BillingApiController(Invoices invoices, Sellers sellers, SalesRecords records, Payments payments,
            Closures closures, SalesReports reports, tools.jackson.databind.json.JsonMapper json) {
        this.reports = reports;
        this.closures = closures;
        this.json = json;
        this.payments = payments;
        this.invoices = invoices;
        this.sellers = sellers;
        this.records = records;
    }

    @GetMapping("/api/v1/clinics/{clinicId}/sales-records/verification")
    @Operation(summary = "Verify the clinic's sales records (auditors): every series numbered without a gap and its "
            + "chain of seals unbroken from the first document to the last")
    SalesRecords.Verification verify(@PathVariable long clinicId) {
        return records.verify(clinicId);
    }

    @GetMapping("/api/v1/revenue")
    @Operation(summary = "Revenue before VAT of a period (a year at most) in every clinic where the caller sees "
            + "billing, per clinic, month, practitioner and what was sold; credit notes negative, apart")
    SalesReports.Revenue revenue(@org.springframework.web.bind.annotation.RequestParam java.time.LocalDate from,
            @org.springframework.web.bind.annotation.RequestParam java.time.LocalDate to, java.util.Locale locale) {
        return reports.revenue(from, to, locale);
    }

    @GetMapping("/api/v1/clinics/{clinicId}/seller")
    @Operation(summary = "Who the clinic bills as (legal name, address, identifiers, country, series prefixes); its "
            + "ETag goes in If-Match to change them")
    ResponseEntity<Seller> seller(@PathVariable long clinicId) {
        Sellers.Versioned seller = sellers.of(clinicId)
                .orElseThrow(() -> new RecordNotFoundException(Sellers.SELLER, clinicId));
        return ResponseEntity.ok().eTag(ETags.of(seller.version())).body(seller.seller());
    }

    @PutMapping("/api/v1/clinics/{clinicId}/seller")
    @Operation(summary = "Set who the clinic bills as (clinic managers). The first time without If-Match; the country "
            + "and the prefixes are then fixed")
    ResponseEntity<Seller> setSeller(@PathVariable long clinicId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Seller body) {
        Integer version = ifMatch == null ? null : ETags.requireVersion(ifMatch, Sellers.SELLER, clinicId);
        Sellers.Versioned saved = sellers.save(clinicId, version, body);
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved.seller());
    }

    @PostMapping("/api/v1/invoices")
    @Operation(summary = "Draft an invoice: unnumbered and free to change until issued")
    ResponseEntity<InvoiceView> draft(@Valid @RequestBody Invoices.Draft body) {
        Invoice invoice = invoices.draft(body);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + invoice.id()))
                .eTag(ETags.of(invoice.version())).body(invoices.shown(invoice));
    }

    @PostMapping("/api/v1/appointments/{appointmentId}/deposits")
    @Operation(summary = "Take a deposit for a booked visit: an advance invoice for part of its price before VAT, "
            + "issued at once and paid as any invoice; the visit's invoice (drafted with its appointmentId) deducts it")
    ResponseEntity<InvoiceView> deposit(@PathVariable long appointmentId, @Valid @RequestBody Invoices.DepositInput body) {
        Invoice deposit = invoices.deposit(appointmentId, body);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + deposit.id())).eTag(ETags.of(deposit.version()))
                .body(invoices.shown(deposit));
    }

    @GetMapping("/api/v1/invoices/{invoiceId}")
    @Operation(summary = "An invoice or credit note with its lines and VAT per rate")
    ResponseEntity<InvoiceView> invoice(@PathVariable long invoiceId) {
        InvoiceView invoice = invoices.view(invoiceId);
        return ResponseEntity.ok().eTag(ETags.of(invoice.version())).body(invoice);
    }

    @PostMapping("/api/v1/clinics/{clinicId}/sales-closures")
    @Operation(summary = "Close a day (today once the desk is done, or a day before) or a month that is over: its "
            + "figures per VAT rate and payment method, fixed and sealed; nothing more is issued or received on a "
            + "closed day")
    ResponseEntity<ClosureView> close(@PathVariable long clinicId, @Valid @RequestBody Closures.Request body) {
        return ResponseEntity.status(201).body(ClosureView.of(closures.close(clinicId, body), json));
    }

    @GetMapping("/api/v1/clinics/{clinicId}/sales-closures")
    @Operation(summary = "The clinic's closed days and months, the latest first")
    List<ClosureView> closures(@PathVariable long clinicId) {
        return closures.ofClinic(clinicId).stream().map(closure -> ClosureView.of(closure, json)).toList();
    }

    /** A closure as the API shows it, its summary as the figures it was sealed with. */
    record ClosureView(long id, Closure.Period period, java.time.LocalDate firstDay, java.time.LocalDate lastDay,
            long number, java.time.Instant closedAt, Closure.Summary summary) {

        static ClosureView of(Closure closure, tools.jackson.databind.json.JsonMapper json) {
            return new ClosureView(closure.id(), closure.period(), closure.firstDay(), closure.lastDay(),
                    closure.number(), closure.closedAt(), json.readValue(closure.summary(), Closure.Summary.class));
        }
    }

    @PostMapping("/api/v1/invoices/{invoiceId}/payments")
    @Operation(summary = "Record money received for an issued invoice at the desk (cash, card terminal, transfer), "
            + "never more than its balance; or a refund of what a credit note left the patient in credit")
    ResponseEntity<InvoiceView.PaymentView> pay(@PathVariable long invoiceId, @Valid @RequestBody Payments.Received body) {
        Payment payment = payments.record(invoiceId, body);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + invoiceId))
                .body(InvoiceView.PaymentView.of(payment));
    }

    @GetMapping(value = "/api/v1/invoices/{invoiceId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "An issued invoice or credit note as Factur-X (PDF/A-3 with its EN 16931 data), in the "
            + "patient's language")
    ResponseEntity<byte[]> pdf(@PathVariable long invoiceId) {
        return BillingController.pdf(invoiceId, invoices.pdf(invoiceId));
    }

    @PutMapping("/api/v1/invoices/{invoiceId}/lines")
    @Operation(summary = "Replace a draft's lines (If-Match)")
    ResponseEntity<InvoiceView> lines(@PathVariable long invoiceId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Lines body) {
        Invoice invoice = invoices.changeLines(invoiceId, ETags.requireVersion(ifMatch, Invoices.INVOICE, invoiceId),
                body.lines());
        return ResponseEntity.ok().eTag(ETags.of(invoice.version())).body(invoices.shown(invoice));
    }

    @PostMapping("/api/v1/invoices/{invoiceId}/issue")
    @Operation(summary = "Issue a draft (If-Match): it takes the next number of the clinic's series and today's date, "
            + "and cannot change afterwards")
    ResponseEntity<InvoiceView> issue(@PathVariable long invoiceId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Invoice invoice = invoices.issue(invoiceId, ETags.requireVersion(ifMatch, Invoices.INVOICE, invoiceId));
        return ResponseEntity.ok().eTag(ETags.of(invoice.version())).body(invoices.shown(invoice));
    }

    @PostMapping("/api/v1/invoices/{invoiceId}/credit-notes")
    @Operation(summary = "Correct an issued invoice with a credit note, issued at once: the lines given, or the whole "
            + "invoice; never more than what earlier credit notes left")
    ResponseEntity<InvoiceView> creditNote(@PathVariable long invoiceId,
            @Valid @RequestBody Invoices.CreditNote body) {
        Invoice note = invoices.creditNote(invoiceId, body);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + note.id())).eTag(ETags.of(note.version()))
                .body(invoices.shown(note));
    }

    record Lines(@NotEmpty @Size(max = 100) List<Invoices.@Valid @NotNull LineInput> lines) {
    }
}
