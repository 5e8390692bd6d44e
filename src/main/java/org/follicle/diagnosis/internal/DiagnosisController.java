package org.follicle.diagnosis.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.follicle.system.InvalidFieldsException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Pages to record an assessment and a diagnosis, and to read an assessment. */
@Controller
class DiagnosisController {

    private final DiagnosisRecords records;

    private final DiagnosisKnowledge knowledge;

    private final PatientRegistry patients;

    private final JsonMapper json;

    private final Validator validator;

    private final Clock clock;

    DiagnosisController(DiagnosisRecords records, DiagnosisKnowledge knowledge, PatientRegistry patients,
            JsonMapper json, Validator validator, Clock clock) {
        this.records = records;
        this.knowledge = knowledge;
        this.patients = patients;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/patients/{patientId}/assessments/new")
    String form(@PathVariable long patientId, Model model) {
        ObjectNode blank = json.createObjectNode().put("assessedOn", LocalDate.now(clock).toString())
                .put("vellusCutoffUm", "40");
        return show(patients.shownOnForm(patients.writablePatient(patientId, Privilege.PATIENT_WRITE)), blank, Map.of(),
                model);
    }

    @PostMapping("/patients/{patientId}/assessments/new")
    String record(@PathVariable long patientId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        PatientView patient = patients.writablePatient(patientId, Privilege.PATIENT_WRITE);
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> name.endsWith(".signs"));
        FormDocument.keepRowsWith(form, "sites", "hairs");
        FormDocument.Bound<AssessmentInput> bound = FormDocument.bind(form, json, validator, AssessmentInput.class);
        Map<String, String> errors = new LinkedHashMap<>(bound.errors());
        try {
            if (bound.valid()) {
                DiagnosisRecords.Recorded recorded = records.record(patientId, bound.value());
                redirect.addFlashAttribute("flash", "assessment.recorded");
                redirect.addFlashAttribute("warnings", recorded.warnings());
                return "redirect:/patients/" + patientId + "/assessments/" + recorded.assessment().id();
            }
        }
        catch (InvalidFieldsException e) {
            errors.putAll(e.fields());
        }
        catch (BusinessRuleException e) {
            errors.put("_form", e.messageKey());
        }
        return show(patient, form, errors, model);
    }

    @GetMapping("/patients/{patientId}/assessments/{assessmentId}")
    String view(@PathVariable long patientId, @PathVariable long assessmentId, Model model) {
        model.addAttribute("patient", patients.readablePatient(patientId));
        AssessmentView assessment = records.assessment(patientId, assessmentId);
        model.addAttribute("assessment", assessment);
        // The stages' own numbers draw the schematic figures.
        model.addAttribute("norwoodStage",
                assessment.norwood() == null ? null : Scales.Norwood.valueOf(assessment.norwood()));
        model.addAttribute("ludwigStage",
                assessment.ludwig() == null ? null : Scales.Ludwig.valueOf(assessment.ludwig()));
        model.addAttribute("savinStage", assessment.savin() == null ? null : Scales.Savin.valueOf(assessment.savin()));
        return "diagnosis/assessment";
    }

    @PostMapping("/patients/{patientId}/assessments/{assessmentId}/void")
    String voidAssessment(@PathVariable long patientId, @PathVariable long assessmentId,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            records.voidAssessment(patientId, assessmentId, reason);
            redirect.addFlashAttribute("flash", "assessment.voided");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/patients/" + patientId + "/assessments/" + assessmentId;
    }

    @PostMapping("/patients/{patientId}/diagnoses")
    String diagnose(@PathVariable long patientId, @RequestParam(defaultValue = "") String category,
            @RequestParam(required = false) String trigger, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        try {
            records.diagnose(patientId, new DiagnosisInput(category, trigger, stage, notes));
            redirect.addFlashAttribute("flash", "diagnosis.recorded");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/patients/" + patientId;
    }

    private String show(PatientView patient, ObjectNode form, Map<String, String> errors, Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("form", form);
        model.addAttribute("sites", knowledge.sites());
        // The form's rows by site: rows left empty were dropped, so indexes no longer match the sites.
        Map<String, tools.jackson.databind.JsonNode> siteValues = new LinkedHashMap<>();
        knowledge.sites().forEach(site -> siteValues.put(site, json.createObjectNode()));
        form.path("sites").forEach(row -> siteValues.computeIfPresent(row.path("site").asString(""),
                (site, empty) -> row));
        model.addAttribute("siteValues", siteValues);
        model.addAttribute("errors", errors);
        model.addAttribute("signs", Scales.Sign.values());
        model.addAttribute("norwood", Scales.Norwood.values());
        model.addAttribute("ludwig", Scales.Ludwig.values());
        model.addAttribute("savin", Scales.Savin.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "diagnosis/form";
    }
}
