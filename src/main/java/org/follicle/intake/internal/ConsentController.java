package org.follicle.intake.internal;

import org.follicle.intake.ConsentType;
import org.follicle.patients.PatientRegistry;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.springframework.http.ContentDisposition;
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

/** Signing a consent on the tablet, downloading its PDF, and recording its withdrawal. */
@Controller
class ConsentController {

    private final Consents consents;

    private final PatientRegistry patients;

    ConsentController(Consents consents, PatientRegistry patients) {
        this.consents = consents;
        this.patients = patients;
    }

    @GetMapping("/patients/{patientId}/consents/{type}")
    String signPage(@PathVariable long patientId, @PathVariable ConsentType type,
            @RequestParam(required = false) String language, Model model, java.util.Locale locale) {
        var patient = patients.shownOnForm(patients.writablePatient(patientId, Privilege.PATIENT_WRITE));
        String lang = language != null ? language
                : patient.preferredLanguage() != null ? patient.preferredLanguage() : locale.getLanguage();
        model.addAttribute("patient", patient);
        model.addAttribute("document", consents.document(patientId, type, lang));
        return "intake/consent-sign";
    }

    @PostMapping("/patients/{patientId}/consents/{type}")
    String sign(@PathVariable long patientId, @PathVariable ConsentType type, @RequestParam String language,
            @RequestParam(defaultValue = "") String signerName, @RequestParam(defaultValue = "") String signature,
            Model model, RedirectAttributes redirect) {
        try {
            consents.sign(patientId, type, language, signerName, Signature.fromDataUrl(signature));
            redirect.addFlashAttribute("flash", "consent.signed");
            return "redirect:/patients/" + patientId;
        }
        catch (BusinessRuleException e) {
            model.addAttribute("error", e);
            model.addAttribute("signerName", signerName);
            model.addAttribute("patient", patients.writablePatient(patientId, Privilege.PATIENT_WRITE));
            model.addAttribute("document", consents.document(patientId, type, language));
            return "intake/consent-sign";
        }
    }

    @GetMapping("/patients/{patientId}/consents/{consentId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long patientId, @PathVariable long consentId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("consent-" + consentId + ".pdf").build().toString())
                .body(consents.pdf(patientId, consentId));
    }

    @PostMapping("/patients/{patientId}/consents/{consentId}/withdraw")
    String withdraw(@PathVariable long patientId, @PathVariable long consentId,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            consents.withdraw(patientId, consentId, reason);
            redirect.addFlashAttribute("flash", "consent.withdrawn");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/patients/" + patientId;
    }
}
