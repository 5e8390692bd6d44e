package org.follicle.billing.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.system.FormDocument;
import org.follicle.system.PageForms;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The front desk's invoice pages: invoice a patient, change the draft's lines, issue it, correct an issued invoice
 * with a credit note.
 */
@Controller
class BillingController {

    /** Rows a new invoice's form offers; an untouched row is not a line. */
    private static final int ROWS = 5;

    private final Invoices invoices;

    private final Payments payments;

    private final PriceList prices;

    private final OnlinePayments online;

    private final PatientRegistry patients;

    private final PageForms pages;

    private final org.springframework.context.MessageSource texts;

    private final JsonMapper json;

    private final Validator validator;

    BillingController(Invoices invoices, Payments payments, PriceList prices, OnlinePayments online,
            PatientRegistry patients, PageForms pages, JsonMapper json, Validator validator,
            org.springframework.context.MessageSource texts) {
        this.prices = prices;
        this.online = online;
        this.texts = texts;
        this.invoices = invoices;
        this.payments = payments;
        this.patients = patients;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
    }

    /**
     * @param appointment a visit of the patient's to invoice: its type at the type's price fills the first line
     * @param price an entry of the price list to sell (a course): it fills the first line
     */
    @GetMapping("/patients/{patientId}/invoices/new")
    String newInvoice(@PathVariable long patientId, @RequestParam(required = false) Long appointment,
            @RequestParam(required = false) Long price, Model model, Locale locale) {
        PatientView patient = patients.shownOnForm(patients.readablePatient(patientId));
        ObjectNode form = json.createObjectNode().put("buyerName", patient.displayName());
        if (appointment != null) {
            invoices.visit(patient, appointment).ifPresent(visit -> {
                form.put("appointmentId", appointment);
                ObjectNode line = form.putArray("lines").addObject()
                        .put("description", texts.getMessage("appointment.type." + visit.typeCode(), null, locale)
                                + ", " + visit.day())
                        .put("quantity", "1")
                        .put("unitPrice", visit.price() == null ? "" : visit.price().toPlainString());
                if (visit.priceId() != null) {
                    line.put("priceId", visit.priceId());
                }
            });
        }
        else if (price != null) {
            form.putArray("lines").addObject().put("priceId", price).put("quantity", "1");
        }
        return showNew(patient, form, Map.of(), model);
    }

    @PostMapping("/patients/{patientId}/invoices/new")
    String draft(@PathVariable long patientId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        PatientView patient = patients.readablePatient(patientId);
        ObjectNode form = linesOf(request).put("clinicId", patient.clinicId()).put("patientId", patient.id());
        PageForms.Submitted<Invoice> drafted = pages.submit(
                FormDocument.bind(form, json, validator, Invoices.Draft.class), invoices::draft);
        if (drafted.succeeded()) {
            redirect.addFlashAttribute("flash", "invoice.drafted");
            return "redirect:/invoices/" + drafted.value().id();
        }
        return showNew(patient, form, drafted.errors(), model);
    }

    /** A deposit for one of the patient's booked visits: an advance invoice, then paid on its page. */
    @GetMapping("/patients/{patientId}/deposits/new")
    String newDeposit(@PathVariable long patientId, Model model) {
        PatientView patient = patients.shownOnForm(patients.readablePatient(patientId));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", json.createObjectNode());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("patient", patient);
        model.addAttribute("visits", invoices.upcomingVisits(patient));
        return "billing/deposit";
    }

    @PostMapping("/patients/{patientId}/deposits")
    String deposit(@PathVariable long patientId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        PageForms.Submitted<Invoice> deposit = pages.submit(
                FormDocument.bind(form, json, validator, DepositForm.class),
                in -> invoices.deposit(in.appointmentId(), new Invoices.DepositInput(in.amount())));
        if (deposit.succeeded()) {
            redirect.addFlashAttribute("flash", "deposit.issued");
            return "redirect:/invoices/" + deposit.value().id() + "#payments";
        }
        return newDeposit(patientId, model.addAttribute("form", form).addAttribute("errors", deposit.errors()));
    }

    /** @param appointmentId the booked visit the deposit secures */
    record DepositForm(@NotNull Long appointmentId,
            @NotNull @Positive @DecimalMax("999999.99") @Digits(integer = 6, fraction = 2) BigDecimal amount) {
    }

    @GetMapping("/invoices/{invoiceId}")
    String invoice(@PathVariable long invoiceId, Model model) {
        Invoice invoice = invoices.invoice(invoiceId);
        ObjectNode form = json.createObjectNode();
        form.set("lines", json.valueToTree(invoice.lines()));
        return show(invoice, form, Map.of(), model);
    }

    @GetMapping("/invoices/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long invoiceId) {
        return pdf(invoiceId, invoices.pdf(invoiceId));
    }

    /** A document answered to be shown in the browser and kept under its invoice's id. */
    static ResponseEntity<byte[]> pdf(long invoiceId, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"invoice-" + invoiceId + ".pdf\"")
                .body(pdf);
    }

    @PostMapping("/invoices/{invoiceId}/lines")
    String changeLines(@PathVariable long invoiceId, @RequestParam int version, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        ObjectNode form = linesOf(request);
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator, BillingApiController.Lines.class),
                lines -> invoices.changeLines(invoiceId, version, lines.lines()));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "invoice.saved");
            return "redirect:/invoices/" + invoiceId;
        }
        return show(invoices.invoice(invoiceId), form, errors, model);
    }

    @PostMapping("/invoices/{invoiceId}/issue")
    String issue(@PathVariable long invoiceId, @RequestParam int version, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = pages.attempt(() -> invoices.issue(invoiceId, version));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "invoice.issued");
            return "redirect:/invoices/" + invoiceId;
        }
        return invoice(invoiceId, model.addAttribute("errors", errors));
    }

    @PostMapping("/invoices/{invoiceId}/payments")
    String pay(@PathVariable long invoiceId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator, Payments.Received.class),
                in -> payments.record(invoiceId, in));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "payment.recorded");
            return "redirect:/invoices/" + invoiceId;
        }
        model.addAttribute("paymentForm", form);
        return invoice(invoiceId, model.addAttribute("errors", errors));
    }

    @PostMapping("/invoices/{invoiceId}/credit-notes")
    String creditNote(@PathVariable long invoiceId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        PageForms.Submitted<Invoice> note = pages.submit(
                FormDocument.bind(form, json, validator, Invoices.CreditNote.class),
                in -> invoices.creditNote(invoiceId, in));
        if (note.succeeded()) {
            redirect.addFlashAttribute("flash", "invoice.credited");
            return "redirect:/invoices/" + note.value().id();
        }
        model.addAttribute("creditForm", form);
        return invoice(invoiceId, model.addAttribute("errors", note.errors()));
    }

    /** The form's line rows, the untouched ones left out. */
    private ObjectNode linesOf(HttpServletRequest request) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        FormDocument.keepRowsWith(form, "lines", "description", "priceId");
        return form;
    }

    private String showNew(PatientView patient, ObjectNode form, Map<String, String> errors, Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("form", padded(form));
        model.addAttribute("errors", errors);
        model.addAttribute("seller", invoices.seller(patient.clinicId()).orElse(null));
        model.addAttribute("categories", invoices.vatCategories(patient.clinicId()));
        model.addAttribute("priceItems", priceItems(patient.clinicId(), LocaleContextHolder.getLocale()));
        return "billing/new";
    }

    private String show(Invoice invoice, ObjectNode form, Map<String, String> errors, Model model) {
        model.addAttribute("invoice", invoice);
        InvoiceView view = invoices.shown(invoice);
        model.addAttribute("view", view);
        model.addAttribute("checkouts", view.balance() == null ? List.of() : online.ofInvoice(invoice.id()));
        if (!model.containsAttribute("paymentForm")) {
            ObjectNode payment = json.createObjectNode().put("method", "CARD");
            if (view.balance() != null) {
                payment.put("amount", view.balance().abs().toPlainString())
                        .put("kind", view.balance().signum() < 0 ? "REFUND" : "PAYMENT");
            }
            model.addAttribute("paymentForm", payment);
        }
        // An issued document shows the seller as it was issued; a draft, the clinic's details as they stand.
        model.addAttribute("seller", invoice.seller() != null ? invoice.seller()
                : invoices.seller(invoice.clinicId()).orElse(null));
        model.addAttribute("categories", invoices.vatCategories(invoice.clinicId()));
        if (invoice.status() == Invoice.Status.DRAFT) {
            model.addAttribute("priceItems", priceItems(invoice.clinicId(), LocaleContextHolder.getLocale()));
        }
        model.addAttribute("form", padded(form));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", errors);
        }
        if (!model.containsAttribute("creditForm")) {
            model.addAttribute("creditForm", json.createObjectNode());
        }
        return "billing/invoice";
    }

    /** What a line may sell from the clinic's price list, by kind, as the desk reads it. */
    private Map<Price.Kind, List<PriceItem>> priceItems(long clinicId, Locale locale) {
        PriceList.Listing list = prices.of(clinicId);
        Map<Price.Kind, List<PriceItem>> items = new java.util.EnumMap<>(Price.Kind.class);
        items.put(Price.Kind.TREATMENT, list.treatments().stream().filter(t -> t.price() != null)
                .map(t -> new PriceItem(t.price().id(),
                        texts.getMessage("appointment.type." + t.type().code(), null, t.type().code(), locale)))
                .toList());
        items.put(Price.Kind.COURSE, list.courses().stream().filter(Price::active)
                .map(c -> new PriceItem(c.id(), c.name())).toList());
        items.put(Price.Kind.PRODUCT, list.products().stream().filter(p -> p.price() != null)
                .map(p -> new PriceItem(p.price().id(), p.product().name())).toList());
        items.values().removeIf(List::isEmpty);
        return items;
    }

    record PriceItem(long id, String label) {
    }

    /** The lines as the form shows them: those there are, then empty rows up to {@link #ROWS}, one at least. */
    private ObjectNode padded(ObjectNode form) {
        ArrayNode lines = form.has("lines") ? (ArrayNode) form.get("lines") : form.putArray("lines");
        do {
            lines.addObject().put("quantity", "1");
        }
        while (lines.size() < ROWS);
        return form;
    }
}
