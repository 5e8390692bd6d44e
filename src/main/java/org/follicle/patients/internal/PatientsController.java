package org.follicle.patients.internal;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientView;
import org.follicle.patients.Sex;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageQuery;
import org.follicle.system.StaleRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Patient pages: search, register, chart, correct, void. Built for a tablet at the front desk. */
@Controller
@RequestMapping("/patients")
class PatientsController {

    private final PatientRecords records;

    private final ClinicAccess access;

    private final List<ChartSection> sections;

    private final TransactionTemplate chartReads;

    PatientsController(PatientRecords records, ClinicAccess access, List<ChartSection> sections,
            PlatformTransactionManager transactions) {
        this.records = records;
        this.access = access;
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
        model.addAttribute("patient", new PatientDetails(null, null, null, Sex.UNKNOWN, null, null, null));
        return "patients/new";
    }

    @PostMapping("/new")
    String register(@Valid @ModelAttribute("patient") PatientDetails patient, BindingResult result,
            @RequestParam(defaultValue = "false") boolean duplicateConfirmed, Model model,
            RedirectAttributes redirect) {
        Long clinic = access.selectedClinic().orElse(null);
        if (!result.hasErrors() && clinic != null) {
            try {
                PatientView created = records.register(clinic, patient, duplicateConfirmed);
                redirect.addFlashAttribute("flash", "patient.registered");
                return "redirect:/patients/" + created.id();
            }
            catch (PossibleDuplicatesException e) {
                model.addAttribute("duplicates", e.candidates());
            }
            catch (BusinessRuleException e) {
                e.addTo(result);
            }
        }
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
        model.addAttribute("current", current);
        if (!model.containsAttribute("patient")) {
            model.addAttribute("patient", new PatientDetails(current.familyName(), current.givenName(),
                    current.birthDate(), current.sex(), current.phone(), current.email(), current.preferredLanguage()));
            model.addAttribute("version", current.version());
        }
        return "patients/edit";
    }

    @PostMapping("/{patientId}/edit")
    String update(@PathVariable long patientId, @Valid @ModelAttribute("patient") PatientDetails patient,
            BindingResult result, @RequestParam int version, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                records.update(patientId, patient, version);
                redirect.addFlashAttribute("flash", "patient.saved");
                return "redirect:/patients/" + patientId;
            }
            catch (BusinessRuleException e) {
                e.addTo(result);
            }
            catch (StaleRecordException e) {
                result.reject("problem.stale");
            }
        }
        model.addAttribute("version", version);
        return editForm(patientId, model);
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
