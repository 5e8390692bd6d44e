package org.follicle.intake.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.follicle.intake.ConsentType;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.SignedInPatient;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.follicle.system.InvalidFieldsException;
import org.springframework.security.access.AccessDeniedException;
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

/**
 * The questionnaire and the consents on the patient's own phone, under the portal's sign-in: the same questions as
 * at the desk (an unanswered safety question stops the form, never read as no), a new version of the answers each
 * time, and consents signed by the patient without a witness, which the document says.
 */
@Controller
class PortalIntakeController {

    private final IntakeRecords records;

    private final Consents consents;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final JsonMapper json;

    private final Validator validator;

    private final java.time.Clock clock;

    PortalIntakeController(IntakeRecords records, Consents consents, PatientRegistry patients, ClinicAccess access,
            JsonMapper json, Validator validator, java.time.Clock clock) {
        this.records = records;
        this.consents = consents;
        this.patients = patients;
        this.access = access;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/portal/intake")
    String form(Model model) {
        PatientView patient = self();
        JsonNode answers = records.current(patient.id()).map(IntakeStore.IntakeForm::document)
                .orElse(json.createObjectNode());
        IntakeController.fill(records, clock, patient, answers, Map.of(), model);
        return "intake/portal-intake";
    }

    @PostMapping("/portal/intake")
    String save(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        PatientView patient = self();
        ObjectNode answers = IntakeController.answers(request, json);
        FormDocument.Bound<IntakeDocument> bound = FormDocument.bind(answers, json, validator, IntakeDocument.class);
        Map<String, String> errors = new LinkedHashMap<>(bound.errors());
        if (bound.valid()) {
            try {
                records.recordBySelf(patient, bound.value());
                redirect.addFlashAttribute("flash", "portal.intake.saved");
                return "redirect:/portal";
            }
            catch (InvalidFieldsException e) {
                errors.putAll(e.fields());
            }
            catch (BusinessRuleException e) {
                errors.put("_form", e.messageKey());
            }
        }
        IntakeController.fill(records, clock, patient, answers, errors, model);
        return "intake/portal-intake";
    }

    @GetMapping("/portal/consents/{type}")
    String consent(@PathVariable ConsentType type, @RequestParam(required = false) String language, Model model,
            java.util.Locale locale) {
        PatientView patient = self();
        model.addAttribute("document", consents.document(patient.id(), type,
                language != null ? language : locale.getLanguage()));
        return "intake/portal-consent";
    }

    @PostMapping("/portal/consents/{type}")
    String sign(@PathVariable ConsentType type, @RequestParam(defaultValue = "en") String language,
            @RequestParam(defaultValue = "") String signerName, @RequestParam(defaultValue = "") String signature,
            Model model, RedirectAttributes redirect) {
        PatientView patient = self();
        try {
            consents.signBySelf(patient, type, language, signerName, Signature.fromDataUrl(signature));
            redirect.addFlashAttribute("flash", "consent.signed");
            return "redirect:/portal";
        }
        catch (BusinessRuleException e) {
            model.addAttribute("error", e);
            model.addAttribute("signerName", signerName);
            model.addAttribute("document", consents.document(patient.id(), type, language));
            return "intake/portal-consent";
        }
    }

    /** The patient signed in to the portal: this controller answers no one else. */
    private PatientView self() {
        SignedInPatient me = access.signedInPatient().orElseThrow(() -> new AccessDeniedException("not a patient"));
        return patients.readablePatient(me.patientId());
    }
}
