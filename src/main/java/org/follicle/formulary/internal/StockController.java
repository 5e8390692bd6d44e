package org.follicle.formulary.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.follicle.system.PageForms;
import org.follicle.security.ClinicAccess;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.follicle.system.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Stock pages: what the clinic holds and what expires, receiving a lot, a lot's ledger and its recall list. */
@Controller
class StockController {

    private final StockService stock;

    private final ProductCatalogue catalogue;

    private final FormularySettings.Store settings;

    private final ClinicAccess access;

    private final ClinicCatalog clinics;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    StockController(StockService stock, ProductCatalogue catalogue, FormularySettings.Store settings,
            ClinicAccess access, ClinicCatalog clinics, PageForms pages, JsonMapper json, Validator validator) {
        this.stock = stock;
        this.catalogue = catalogue;
        this.settings = settings;
        this.access = access;
        this.clinics = clinics;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping("/formulary/stock")
    String stock(Model model) {
        return show(json.createObjectNode(), Map.of(), model);
    }

    @PostMapping("/formulary/stock")
    String receive(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        form.put("clinicId", access.workingClinic());
        Map<String, String> errors = pages.attempt(
                FormDocument.bind(form, json, validator, StockInputs.Receipt.class), stock::receive);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "lot.received");
            return "redirect:/formulary/stock";
        }
        return show(form, errors, model);
    }

    @GetMapping("/formulary/lots/{lotId}")
    String lot(@PathVariable long lotId, @RequestParam(defaultValue = "0") int page, Model model) {
        return showLot(lotId, json.createObjectNode(), Map.of(), page, model);
    }

    @PostMapping("/formulary/lots/{lotId}/movements")
    String move(@PathVariable long lotId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        form.put("lotId", lotId).put("clinicId", access.workingClinic());
        Map<String, String> errors = pages.attempt(
                FormDocument.bind(form, json, validator, StockInputs.Movement.class), stock::move);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "stock.moved");
            return "redirect:/formulary/lots/" + lotId;
        }
        return showLot(lotId, form, errors, 0, model);
    }

    @PostMapping("/formulary/lots/{lotId}/recall")
    String recall(@PathVariable long lotId, @RequestParam(defaultValue = "") String reason, Model model,
            RedirectAttributes redirect) {
        try {
            stock.recall(lotId, reason);
        }
        catch (BusinessRuleException e) {
            ObjectNode form = json.createObjectNode().put("recallReason", reason);
            return showLot(lotId, form, Map.of(e.field() == null ? "_form" : "recallReason", pages.text(e)), 0,
                    model);
        }
        redirect.addFlashAttribute("flash", "recall.done");
        return "redirect:/formulary/lots/" + lotId + "#recall";
    }

    @PostMapping("/formulary/lots/{lotId}/recipients/{patientId}/reached")
    String reached(@PathVariable long lotId, @PathVariable long patientId,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            stock.reached(lotId, patientId, note);
            redirect.addFlashAttribute("flash", "recall.reachedSaved");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/formulary/lots/" + lotId + "#recall";
    }

    private String show(ObjectNode form, Map<String, String> errors, Model model) {
        long clinic = access.workingClinic();
        LocalDate today = stock.today(clinic);
        int warningDays = settings.of(access.current().organisationId()).expiryWarningDays();
        List<StockStore.LotStock> lots = stock.stock(clinic, null, false);
        model.addAttribute("lots", lots);
        model.addAttribute("toReorder", stock.toReorder(clinic));
        model.addAttribute("today", today);
        model.addAttribute("warnBy", today.plusDays(warningDays));
        model.addAttribute("warningDays", warningDays);
        model.addAttribute("products", catalogue.list());
        model.addAttribute("canManage", access.can(Privilege.STOCK_MANAGE, clinic));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "formulary/stock";
    }

    private String showLot(long lotId, ObjectNode form, Map<String, String> errors, int page, Model model) {
        StockStore.Lot lot = stock.lot(lotId);
        long clinic = access.workingClinic();
        model.addAttribute("lot", lot);
        model.addAttribute("expired", lot.expiredOn(stock.today(clinic)));
        model.addAttribute("stock", stock.stockOfLot(lotId));
        model.addAttribute("movements", stock.movements(null, lotId, Math.max(page, 0), 50));
        model.addAttribute("clinicNames", clinicNames());
        model.addAttribute("otherClinics", clinics.clinicsOf(access.current().organisationId()).stream()
                .filter(c -> c.id() != clinic).toList());
        model.addAttribute("canManage", access.can(Privilege.STOCK_MANAGE, clinic));
        model.addAttribute("canReach", !access.clinicsWith(Privilege.PATIENT_WRITE).isEmpty());
        model.addAttribute("canRecall", !lot.quarantined() && access.can(Privilege.CLINIC_MANAGE, clinic));
        model.addAttribute("canReadPatients", !access.clinicsWith(Privilege.PATIENT_READ).isEmpty());
        model.addAttribute("canReach", !access.clinicsWith(Privilege.PATIENT_WRITE).isEmpty());
        model.addAttribute("canRecall", !lot.quarantined() && access.can(Privilege.CLINIC_MANAGE, clinic));
        model.addAttribute("recall", access.clinicsWith(Privilege.PATIENT_READ).isEmpty() ? null
                : stock.recipients(lotId, false));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "formulary/lot";
    }

    private Map<Long, String> clinicNames() {
        Map<Long, String> names = new java.util.HashMap<>();
        clinics.clinicsOf(access.current().organisationId()).forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    @Configuration
    static class Navigation {

        @Bean
        NavigationLink stockLink() {
            return new NavigationLink("nav.stock", "/formulary/stock", Privilege.CLINIC_READ.authority(), 40);
        }

        @Bean
        NavigationLink formularyLink() {
            return new NavigationLink("nav.formulary", "/formulary", Privilege.CLINIC_READ.authority(), 35);
        }
    }
}
