package org.follicle.plans.internal;

import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.formulary.PatientFormulas;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.security.StaffDirectory;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageForms;
import org.follicle.system.Retries;
import org.follicle.system.PageQuery;
import org.follicle.system.StaleRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import tools.jackson.databind.node.ObjectNode;

/** Planning a course from the chart (proposal, then booking in one step), the plan page, the quote, recalls. */
@Controller
class PlansController {

    private final Plans plans;

    private final ProtocolLibrary protocols;

    private final Quotes quotes;

    private final Recalls recalls;

    private final org.follicle.scheduling.AppointmentBook appointments;

    private final PatientRegistry patients;

    private final PatientFormulas formulas;

    private final StaffDirectory staff;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    private final java.util.List<org.follicle.plans.PlanSection> sections;

    PlansController(Plans plans, ProtocolLibrary protocols, Quotes quotes, Recalls recalls,
            org.follicle.scheduling.AppointmentBook appointments, PatientRegistry patients,
            PatientFormulas formulas, StaffDirectory staff, ClinicDirectory clinics, ClinicAccess access,
            PageForms pages, JsonMapper json, Validator validator, java.util.List<org.follicle.plans.PlanSection> sections) {
        this.sections = sections;
        this.plans = plans;
        this.protocols = protocols;
        this.quotes = quotes;
        this.recalls = recalls;
        this.appointments = appointments;
        this.patients = patients;
        this.formulas = formulas;
        this.staff = staff;
        this.clinics = clinics;
        this.access = access;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping("/patients/{patientId}/plans/new")
    String newPlan(@PathVariable long patientId, Model model) {
        ObjectNode form = json.createObjectNode();
        long clinic = access.workingClinic();
        form.put("startsOn", plans.today(plans.clinic(clinic, Privilege.SCHEDULE_MANAGE)).plusDays(1).toString());
        form.put("sessionTime", "10:00");
        form.put("protocolCode", "MESO_AGA");
        if (staff.isPractitionerIn(access.current().id(), clinic)) {
            form.put("practitionerId", access.current().id());
        }
        return showForm(patientId, form, Map.of(), null, model);
    }

    /** The proposal beside the form (htmx), or the form again with what is wrong. */
    @PostMapping("/patients/{patientId}/plans/proposal")
    String propose(@PathVariable long patientId, HttpServletRequest request, Model model) {
        patients.readablePatient(patientId);
        ObjectNode form = form(patientId, request);
        PageForms.Submitted<Plans.Proposal> proposal = pages.submit(
                FormDocument.bind(form, json, validator, PlanInput.class), plans::propose);
        model.addAttribute("errors", proposal.errors());
        model.addAttribute("proposal", proposal.value());
        return "plans/plan-form :: proposal";
    }

    @PostMapping("/patients/{patientId}/plans")
    String create(@PathVariable long patientId, @RequestParam(defaultValue = "true") boolean book,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        patients.readablePatient(patientId);
        ObjectNode form = form(patientId, request);
        form.remove("book");
        PageForms.Submitted<TreatmentPlan> plan = pages.submit(
                FormDocument.bind(form, json, validator, PlanInput.class),
                in -> Retries.onConcurrencyFailure(() -> plans.create(in, book)));
        if (!plan.succeeded()) {
            return showForm(patientId, form, plan.errors(), null, model);
        }
        redirect.addFlashAttribute("flash", book ? "plan.booked" : "plan.saved");
        return "redirect:/plans/" + plan.value().id();
    }

    @GetMapping("/plans/{planId}")
    String plan(@PathVariable long planId, Model model) {
        return showPlan(planId, Map.of(), model);
    }

    @PostMapping("/plans/{planId}/{action:book|pause|resume|stop|complete}")
    String act(@PathVariable long planId, @PathVariable String action, @RequestParam int version,
            @RequestParam(required = false) String reason, @RequestParam(required = false) LocalDate startsOn,
            @RequestParam(required = false) String overrideReason, Model model, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "book" -> plans.book(planId, version, startsOn, overrideReason);
                case "pause" -> plans.pause(planId, version, reason);
                case "resume" -> plans.resume(planId, version, startsOn, overrideReason);
                case "stop" -> plans.stop(planId, version, reason);
                default -> plans.complete(planId, version);
            }
        }
        catch (BusinessRuleException e) {
            return showPlan(planId, Map.of(e.field() == null ? "_form" : e.field(), pages.text(e)), model);
        }
        catch (StaleRecordException e) {
            return showPlan(planId, Map.of("_form", pages.text(new BusinessRuleException("plan.stale"))), model);
        }
        redirect.addFlashAttribute("flash", "plan.done." + action);
        return "redirect:/plans/" + planId;
    }

    @GetMapping("/plans/{planId}/quote.pdf")
    ResponseEntity<byte[]> quote(@PathVariable long planId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"quote-plan-" + planId + ".pdf\"")
                .body(quotes.pdf(planId));
    }

    /** The aftercare sheet of a course with check-ins (after a transplant), listing the booked check-ins by day. */
    @GetMapping("/plans/{planId}/aftercare.pdf")
    ResponseEntity<byte[]> aftercare(@PathVariable long planId) {
        Plans.PlanPage page = plans.page(planId);
        var checkIns = page.appointments().stream()
                .filter(a -> a.status() == org.follicle.scheduling.AppointmentStatus.BOOKED).toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"aftercare-plan-" + planId + ".pdf\"")
                .body(appointments.aftercareSheet(page.plan().patientId(), page.plan().clinicId(), checkIns));
    }

    @GetMapping("/recalls")
    String recalls(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("recalls", recalls.overdue(new PageQuery(Math.max(page, 0), 50)));
        model.addAttribute("canInvite", !access.clinicsWith(Privilege.SCHEDULE_MANAGE).isEmpty());
        return "plans/recalls";
    }

    @PostMapping("/recalls/{planId}/invite")
    String invite(@PathVariable long planId, RedirectAttributes redirect) {
        recalls.invite(planId);
        redirect.addFlashAttribute("flash", "recall.invited");
        return "redirect:/recalls";
    }

    private ObjectNode form(long patientId, HttpServletRequest request) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        form.put("patientId", patientId).put("clinicId", access.workingClinic());
        return form;
    }

    private String showForm(long patientId, ObjectNode form, Map<String, String> errors, Plans.Proposal proposal,
            Model model) {
        long clinic = access.workingClinic();
        PatientView patient = patients.shownOnForm(patients.readablePatient(patientId));
        model.addAttribute("patient", patient);
        model.addAttribute("protocols", protocols.list(access.current().organisationId()));
        model.addAttribute("formulas", formulas.of(patientId).stream().filter(f -> !f.voided()).toList());
        model.addAttribute("practitioners", staff.practitionersOf(clinic));
        model.addAttribute("rooms", clinics.roomsOf(clinic).stream().filter(r -> r.active()).toList());
        model.addAttribute("canOverride", access.can(Privilege.CLINICAL_WRITE, clinic));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("proposal", proposal);
        return "plans/plan-form";
    }

    private String showPlan(long planId, Map<String, String> errors, Model model) {
        Plans.PlanPage page = plans.page(planId);
        model.addAttribute("page", page);
        model.addAttribute("plan", page.plan());
        model.addAttribute("practitioner", staff.find(page.plan().practitionerId()).map(s -> s.displayName())
                .orElse(""));
        model.addAttribute("quote", quotes.quote(page.plan()));
        model.addAttribute("canManage", access.can(Privilege.SCHEDULE_MANAGE, page.plan().clinicId()));
        model.addAttribute("canOverride", access.can(Privilege.CLINICAL_WRITE, page.plan().clinicId()));
        model.addAttribute("today", plans.today(page.clinic()));
        model.addAttribute("maintenance", maintenanceAfter(page));
        model.addAttribute("sections", sections.stream().map(section -> Map.of("fragment", section.fragment(),
                "model", section.model(page.plan().patientId(), page.plan().clinicId()))).toList());
        model.addAttribute("errors", errors);
        return "plans/plan";
    }

    /**
     * The maintenance the protocol calls for after the course: its interval and the dates of the first year of it,
     * counted from the course's last visit; empty when the protocol has none.
     */
    private static java.util.List<LocalDate> maintenanceAfter(Plans.PlanPage page) {
        java.time.Period every = page.plan().protocol().maintenance();
        if (every == null || every.isZero() || page.visits().isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<LocalDate> dates = new java.util.ArrayList<>();
        LocalDate next = page.visits().get(page.visits().size() - 1).target().plus(every);
        LocalDate yearLater = next.plusYears(1);
        while (next.isBefore(yearLater)) {
            dates.add(next);
            next = next.plus(every);
        }
        return dates;
    }

    @Configuration
    static class Navigation {

        @Bean
        NavigationLink recallLink() {
            return new NavigationLink("nav.recalls", "/recalls", Privilege.PATIENT_READ.authority(), 16);
        }
    }
}
