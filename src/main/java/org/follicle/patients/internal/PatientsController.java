package org.follicle.patients.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientDetails;
import org.follicle.patients.PatientView;
import org.follicle.patients.PossibleDuplicatesException;
import org.follicle.patients.Sex;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageForms;
import org.follicle.system.PageQuery;
import org.follicle.system.StaleRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Patient pages: search, register, chart, correct, void. Built for a tablet at the front desk. */
@Controller
@RequestMapping("/patients")
class PatientsController {

    private final PatientRecords records;

    private final ClinicAccess access;

    private final List<ChartSection> sections;

    private final TransactionTemplate chartReads;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    PatientsController(PatientRecords records, ClinicAccess access, List<ChartSection> sections,
            PlatformTransactionManager transactions, PageForms pages, JsonMapper json, Validator validator) {
        this.records = records;
        this.access = access;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(ChartSection::order)).toList();
        this.chartReads = new TransactionTemplate(transactions);
        this.chartReads.setReadOnly(true);
    }

    @ModelAttribute("sexes")
    Sex[] sexes() {
        return Sex.values();
    }

    @GetMapping
    String search(@RequestParam(required = false) String q, @Valid PageQuery page, HtmxRequest htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("patients", records.search(q, page));
        model.addAttribute("canRegister", access.selectedClinic()
                .map(clinic -> access.can(Privilege.PATIENT_WRITE, clinic)).orElse(false));
        return htmx.isHtmxRequest() ? "patients/search :: results" : "patients/search";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return showNew(json.createObjectNode().put("sex", Sex.UNKNOWN.name()), Map.of(), model);
    }

    @PostMapping("/new")
    String register(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean duplicateConfirmed,
            Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Long clinic = access.selectedClinic().orElse(null);
        if (clinic == null) {
            return showNew(form, Map.of(), model);
        }
        try {
            PageForms.Submitted<PatientView> registered = pages.submit(
                    FormDocument.bind(form, json, validator, PatientDetails.class),
                    details -> records.register(clinic, details, duplicateConfirmed));
            if (registered.succeeded()) {
                redirect.addFlashAttribute("flash", "patient.registered");
                return "redirect:/patients/" + registered.value().id();
            }
            return showNew(form, registered.errors(), model);
        }
        catch (PossibleDuplicatesException e) {
            model.addAttribute("duplicates", e.candidates());
            return showNew(form, Map.of(), model);
        }
    }

    private String showNew(ObjectNode form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "patients/new";
    }

    @GetMapping("/{patientId}")
    String chart(@PathVariable long patientId, Model model) {
        // The sections read in one transaction (seventeen a page before: most of the chart's database time under
        // load); their audit entries are written in one batch when the call returns (RequestAudit).
        chartReads.executeWithoutResult(status -> {
            // Read only: ending it by a rollback has nothing to undo and cannot fail.
            status.setRollbackOnly();
            PatientView patient = records.chart(patientId);
            model.addAttribute("patient", patient);
            model.addAttribute("sections", sections.stream().map(section -> Map.of("fragment",
                    section.fragment(), "model", section.model(patient))).toList());
        });
        return "patients/chart";
    }

    @GetMapping("/{patientId}/edit")
    String editForm(@PathVariable long patientId, Model model) {
        PatientView current = records.chart(patientId);
        ObjectNode form = json.valueToTree(new PatientDetails(current.familyName(), current.givenName(),
                current.birthDate(), current.sex(), current.phone(), current.email(), current.preferredLanguage()));
        return showEdit(current, form.put("version", current.version()), Map.of(), model);
    }

    @PostMapping("/{patientId}/edit")
    String update(@PathVariable long patientId, @RequestParam int version, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator, PatientDetails.class),
                details -> records.update(patientId, details, version));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "patient.saved");
            return "redirect:/patients/" + patientId;
        }
        return showEdit(records.chart(patientId), form, errors, model);
    }

    private String showEdit(PatientView current, ObjectNode form, Map<String, String> errors, Model model) {
        model.addAttribute("current", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "patients/edit";
    }

    @PostMapping("/{patientId}/void")
    String voidRecord(@PathVariable long patientId, @RequestParam(defaultValue = "") String reason,
            @RequestParam int version, RedirectAttributes redirect) {
        try {
            records.voidRecord(patientId, reason, version);
            redirect.addFlashAttribute("flash", "patient.voided");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        catch (StaleRecordException e) {
            redirect.addFlashAttribute("flashError", "problem.stale");
        }
        return "redirect:/patients/" + patientId;
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {

        @Bean
        NavigationLink patientsLink() {
            return new NavigationLink("nav.patients", "/patients", Privilege.PATIENT_READ.authority(), 10);
        }
    }
}
