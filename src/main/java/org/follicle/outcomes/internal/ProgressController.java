package org.follicle.outcomes.internal;

import java.util.Locale;
import java.util.Map;

import org.follicle.patients.PatientRegistry;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The progress page a practitioner shows the patient: their own change per site, then what evidence reports. */
@Controller
class ProgressController {

    private final ProgressReports progress;

    private final PatientRegistry patients;

    private final MessageSource texts;

    private final JsonMapper json;

    ProgressController(ProgressReports progress, PatientRegistry patients, MessageSource texts, JsonMapper json) {
        this.progress = progress;
        this.patients = patients;
        this.texts = texts;
        this.json = json;
    }

    @GetMapping("/patients/{patientId}/progress")
    String progress(@PathVariable long patientId,
            @RequestParam(defaultValue = "MESOTHERAPY") ProgressReports.Modality modality, Model model) {
        model.addAttribute("patient", patients.readablePatient(patientId));
        ProgressReports.Progress report = progress.of(patientId, modality);
        model.addAttribute("report", report);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("sitesJson", json.writeValueAsString(report.sites().stream()
                .map(s -> Map.of("name", texts.getMessage("site." + s.site(), null, s.site(), locale), "points",
                        s.measures().stream().filter(m -> m.density() != null)
                                .map(m -> Map.of("date", m.date().toString(), "density", m.density())).toList()))
                .toList()));
        model.addAttribute("modalities", ProgressReports.Modality.values());
        return "outcomes/progress";
    }

    @GetMapping("/patients/{patientId}/progress.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long patientId,
            @RequestParam(defaultValue = "MESOTHERAPY") ProgressReports.Modality modality) {
        return pdf(patientId, progress.pdf(patientId, modality));
    }

    static ResponseEntity<byte[]> pdf(long patientId, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"progress-" + patientId + ".pdf\"")
                .body(body);
    }
}
