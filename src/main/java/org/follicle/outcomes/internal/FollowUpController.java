package org.follicle.outcomes.internal;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.follicle.system.PageForms;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follow-up visits on pages: the form at a milestone (the photos side by side for the practitioner's rating, the
 * patient's questionnaire, the adverse-event check), the recorded visit with its gaps, and the chart's list of
 * milestones.
 */
@Controller
class FollowUpController {

    private final FollowUps followUps;

    private final PatientRegistry patients;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    private final Clock clock;

    FollowUpController(FollowUps followUps, PatientRegistry patients, ClinicDirectory clinics, ClinicAccess access,
            PageForms pages, JsonMapper json, Validator validator, Clock clock) {
        this.followUps = followUps;
        this.patients = patients;
        this.clinics = clinics;
        this.access = access;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/patients/{patientId}/follow-ups/new")
    String form(@PathVariable long patientId, @RequestParam long plan, @RequestParam String milestone, Model model,
            RedirectAttributes redirect) {
        PatientView patient = patients.readablePatient(patientId);
        ObjectNode form = json.createObjectNode().put("planId", plan).put("milestone", milestone)
                .put("visitOn", clinics.find(patient.clinicId()).orElseThrow().today(clock).toString())
                .put("adverseEvents", "NONE");
        try {
            return show(patient, form, Map.of(), model);
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/patients/" + patientId;
        }
    }

    @PostMapping("/patients/{patientId}/follow-ups")
    String record(@PathVariable long patientId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        PatientView patient = patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        PageForms.Submitted<FollowUps.Recorded> recorded = pages.submit(
                FormDocument.bind(form, json, validator, FollowUpInput.class), in -> followUps.record(patientId, in));
        if (!recorded.succeeded()) {
            try {
                return show(patient, form, recorded.errors(), model);
            }
            catch (BusinessRuleException | org.follicle.system.RecordNotFoundException e) {
                // No milestone to show the form for: the chart lists the ones there are.
                redirect.addFlashAttribute("flashError", "followUp.milestoneUnknown");
                return "redirect:/patients/" + patientId;
            }
        }
        redirect.addFlashAttribute("flash", "followUp.recorded");
        return "redirect:/follow-ups/" + recorded.value().followUp().id();
    }

    @GetMapping("/follow-ups/{id}")
    String followUp(@PathVariable long id, Model model) {
        FollowUps.Detail detail = followUps.detail(id);
        model.addAttribute("detail", detail);
        model.addAttribute("f", detail.followUp());
        model.addAttribute("m", detail.milestone());
        model.addAttribute("patient", patients.readablePatient(detail.followUp().patientId()));
        model.addAttribute("items", SatisfactionItem.values());
        model.addAttribute("canWrite", access.can(Privilege.PATIENT_WRITE, detail.followUp().clinicId()));
        return "outcomes/follow-up";
    }

    @PostMapping("/follow-ups/{id}/void")
    String voidFollowUp(@PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            followUps.voidFollowUp(id, reason);
            redirect.addFlashAttribute("flash", "followUp.voided");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("followUpError", pages.text(e));
        }
        return "redirect:/follow-ups/" + id;
    }

    private String show(PatientView patient, ObjectNode form, Map<String, String> errors, Model model) {
        long plan = form.path("planId").asLong();
        String milestone = form.path("milestone").asString("");
        model.addAttribute("patient", patient);
        FollowUps.Form data = followUps.form(patient.id(), plan, milestone);
        model.addAttribute("data", data);
        model.addAttribute("m", data.milestone());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("items", SatisfactionItem.values());
        model.addAttribute("canRate", access.can(Privilege.CLINICAL_WRITE, patient.clinicId()));
        return "outcomes/follow-up-form";
    }

    /** The course milestones on the chart, each with its follow-up or the way to record it, and the progress link. */
    @Component
    static class Section implements ChartSection {

        private final FollowUps followUps;

        Section(FollowUps followUps) {
            this.followUps = followUps;
        }

        @Override
        public int order() {
            return 32;
        }

        @Override
        public String fragment() {
            return "outcomes/follow-up :: milestones";
        }

        @Override
        public Map<String, Object> model(PatientView patient) {
            return Map.of("patientId", patient.id(), "milestones", followUps.milestones(patient.id()));
        }
    }
}
