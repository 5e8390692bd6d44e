package org.follicle.billing.internal;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.FormDocument;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageForms;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The clinic's sales at the desk: the day's closure and the month's, the closed periods' figures, and for those who
 * audit, whether the sales records still verify.
 */
@Controller
class SalesController {

    private final Closures closures;

    private final SalesReports reports;

    private final SalesRecords records;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    private final Clock clock;

    SalesController(Closures closures, SalesReports reports, SalesRecords records, ClinicDirectory clinics, ClinicAccess access,
            PageForms pages, JsonMapper json, Validator validator, Clock clock) {
        this.closures = closures;
        this.reports = reports;
        this.records = records;
        this.clinics = clinics;
        this.access = access;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * @param verify whether to walk the sales records' chains now: every document and payment since the first, so
     *     only when an auditor asks
     */
    @GetMapping("/sales")
    String sales(@RequestParam(defaultValue = "false") boolean verify, Model model) {
        ClinicView clinic = clinics.requireClinic(access.workingClinic(), Privilege.BILLING_READ);
        LocalDate today = clinic.today(clock);
        model.addAttribute("clinic", clinic);
        model.addAttribute("today", today);
        model.addAttribute("lastMonth", today.minusMonths(1).withDayOfMonth(1));
        model.addAttribute("closures", closures.ofClinic(clinic.id()).stream()
                .map(closure -> BillingApiController.ClosureView.of(closure, json)).toList());
        model.addAttribute("canClose", access.can(Privilege.BILLING_WRITE, clinic.id()));
        model.addAttribute("outstanding", reports.outstanding(clinic.id()));
        model.addAttribute("canVerify", access.can(Privilege.AUDIT_READ, clinic.id()));
        model.addAttribute("verification", verify && access.can(Privilege.AUDIT_READ, clinic.id())
                ? records.verify(clinic.id()) : null);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "billing/sales";
    }

    /** @param from the period's first day, the month's first when left out; {@code to} its last, today */
    @GetMapping("/sales/revenue")
    String revenue(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Model model, Locale locale) {
        ClinicView clinic = clinics.requireClinic(access.workingClinic(), Privilege.BILLING_READ);
        LocalDate last = to != null ? to : clinic.today(clock);
        LocalDate first = from != null ? from : last.withDayOfMonth(1);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        Map<String, String> errors = pages.attempt(() -> model.addAttribute("revenue",
                reports.revenue(first, last, locale)));
        model.addAttribute("errors", errors);
        return "billing/revenue";
    }

    @GetMapping("/sales/revenue.csv")
    ResponseEntity<byte[]> revenueCsv(@RequestParam LocalDate from, @RequestParam LocalDate to, Locale locale) {
        return csv(reports.revenueCsv(from, to, locale), "revenue-" + from + "-" + to + ".csv");
    }

    @GetMapping("/sales/documents.csv")
    ResponseEntity<byte[]> export(@RequestParam LocalDate from, @RequestParam LocalDate to, Locale locale) {
        return csv(reports.documentsCsv(access.workingClinic(), from, to, locale),
                "documents-" + from + "-" + to + ".csv");
    }

    private static ResponseEntity<byte[]> csv(String csv, String fileName) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/sales/closures")
    String close(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        long clinic = access.workingClinic();
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator, Closures.Request.class),
                in -> closures.close(clinic, in));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "closure.closed");
            return "redirect:/sales";
        }
        return sales(false, model.addAttribute("errors", errors));
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {

        @Bean
        NavigationLink salesLink() {
            return new NavigationLink("nav.sales", "/sales", Privilege.BILLING_READ.authority(), 50);
        }
    }
}
