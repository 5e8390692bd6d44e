package org.follicle.outcomes.internal;

import java.util.Map;

import org.follicle.patients.ChartSection;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The progress page a practitioner shows the patient: their own change per site, then what evidence reports. */
@Controller
class ProgressController {

    private final ProgressReports progress;

    private final PatientRegistry patients;

    ProgressController(ProgressReports progress, PatientRegistry patients) {
        this.progress = progress;
        this.patients = patients;
    }

    @GetMapping("/patients/{patientId}/progress")
    String progress(@PathVariable long patientId,
            @RequestParam(defaultValue = "MESOTHERAPY") ProgressReports.Modality modality, Model model) {
        model.addAttribute("patient", patients.readablePatient(patientId));
        model.addAttribute("report", progress.of(patientId, modality));
        model.addAttribute("modalities", ProgressReports.Modality.values());
        return "outcomes/progress";
    }

    /** The link to the progress page, on the chart. */
    @Component
    static class Section implements ChartSection {

        @Override
        public int order() {
            return 32;
        }

        @Override
        public String fragment() {
            return "outcomes/progress :: link";
        }

        @Override
        public Map<String, Object> model(PatientView patient) {
            return Map.of("patientId", patient.id());
        }
    }
}
