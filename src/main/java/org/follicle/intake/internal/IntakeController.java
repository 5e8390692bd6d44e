package org.follicle.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.follicle.intake.Modality;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The intake questionnaire page, and the practitioner's sign-off or override from the chart. */
@Controller
class IntakeController {

    static final int SUGGESTIONS = 10;

    /** Fields answered with several values (checkboxes). */
    private static final java.util.Set<String> MULTI_VALUED = java.util.Set.of("hairHistory.triggers",
            "hairHistory.previousTreatments");

    private final IntakeRecords records;

    private final MedicineDictionary medicines;

    private final PatientRegistry patients;

    private final JsonMapper json;

    private final Validator validator;

    private final java.time.Clock clock;

    IntakeController(IntakeRecords records, MedicineDictionary medicines, PatientRegistry patients, JsonMapper json, Validator validator,
            java.time.Clock clock) {
        this.records = records;
        this.medicines = medicines;
        this.patients = patients;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/patients/{patientId}/intake")
    String form(@PathVariable long patientId, Model model) {
        PatientView patient = patients.writablePatient(patientId, Privilege.PATIENT_WRITE);
        JsonNode answers = records.current(patientId).map(IntakeStore.IntakeForm::document)
                .orElse(json.createObjectNode());
        return show(patient, answers, Map.of(), model);
    }

    @PostMapping("/patients/{patientId}/intake")
    String save(@PathVariable long patientId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        PatientView patient = patients.writablePatient(patientId, Privilege.PATIENT_WRITE);
        ObjectNode answers = answers(request, json);
        FormDocument.Bound<IntakeDocument> bound = FormDocument.bind(answers, json, validator, IntakeDocument.class);
        Map<String, String> errors = new java.util.LinkedHashMap<>(bound.errors());
        if (bound.valid()) {
            try {
                records.record(patientId, bound.value());
                redirect.addFlashAttribute("flash", "intake.saved");
                return "redirect:/patients/" + patientId;
            }
            catch (InvalidFieldsException e) {
                errors.putAll(e.fields());
            }
        }
        return show(patient, answers, errors, model);
    }

    /** The versions of the answers, each with what it changed, newest first. */
    @GetMapping("/patients/{patientId}/intake/history")
    String history(@PathVariable long patientId, Model model) {
        model.addAttribute("patient", patients.readablePatient(patientId));
        model.addAttribute("versions", records.versions(patientId));
        return "intake/history";
    }

    /** The names offered as staff type a medicine's name: options for the field's list (follicle.js). */
    @GetMapping("/medicines/suggestions")
    String suggestions(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("suggestions", q.length() > 200 ? java.util.List.of() : medicines.suggest(q, SUGGESTIONS));
        return "intake/medicine-options :: options";
    }

    @PostMapping("/patients/{patientId}/screening/{modality}/review")
    String review(@PathVariable long patientId, @PathVariable Modality modality,
            @RequestParam IntakeStore.ReviewKind kind, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            records.review(patientId, modality, kind, reason);
            redirect.addFlashAttribute("flash", "screening.reviewSaved");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/patients/" + patientId;
    }

    private String show(PatientView patient, JsonNode answers, Map<String, String> errors, Model model) {
        fill(records, clock, patient, answers, errors, model);
        return "intake/form";
    }

    /** The answers read from a posted form, with empty medicine rows dropped. */
    static ObjectNode answers(HttpServletRequest request, JsonMapper json) {
        ObjectNode answers = FormDocument.read(request.getParameterMap(), json, MULTI_VALUED::contains);
        FormDocument.keepRowsWith(answers, "medications", "name");
        return answers;
    }

    /** The questions asked of this patient, with their answers and problems, for the form. */
    static void fill(IntakeRecords records, java.time.Clock clock, PatientView patient, JsonNode answers,
            Map<String, String> errors, Model model) {
        Questionnaire questionnaire = records.questionnaire();
        List<SectionView> sections = new ArrayList<>();
        for (Questionnaire.Section section : questionnaire.sections()) {
            sections.add(new SectionView(section.id(), section.questions().stream()
                    .filter(q -> q.askedOf(patient.sex())).map(q -> {
                JsonNode value = answers.at("/" + q.path().replace('.', '/'));
                List<String> values = new ArrayList<>();
                if (value.isArray()) {
                    value.forEach(v -> values.add(v.asString()));
                }
                return new QuestionView(q.path(), q.kind(), q.safety(), q.allowed(), value.isValueNode()
                        ? value.asString() : "", values, errors.get(q.path()));
            }).toList()));
        }
        List<MedicationRow> medications = new ArrayList<>();
        answers.path("medications").forEach(m -> medications.add(new MedicationRow(m.path("kind").asString(""),
                m.path("name").asString(""), m.path("prescribed").asString(""), m.path("lastTaken").asString(""))));
        for (int i = 0; i < 3; i++) {
            medications.add(new MedicationRow("", "", "", ""));
        }
        model.addAttribute("patient", patient);
        model.addAttribute("sections", sections);
        model.addAttribute("medications", medications);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(clock));
    }

    record SectionView(String id, List<QuestionView> questions) {
    }

    record QuestionView(String path, String kind, boolean safety, List<String> options, String value,
            List<String> values, String error) {

        public String id() {
            return path.replace('.', '-');
        }
    }

    record MedicationRow(String kind, String name, String prescribed, String lastTaken) {
    }
}
