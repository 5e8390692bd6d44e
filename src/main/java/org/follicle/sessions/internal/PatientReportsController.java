package org.follicle.sessions.internal;

import java.util.Map;

import org.follicle.system.PageForms;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review of a patient's report of concern, from the side-effects list. */
@Controller
class PatientReportsController {

    private final PatientConcerns concerns;

    private final PageForms pages;

    PatientReportsController(PatientConcerns concerns, PageForms pages) {
        this.concerns = concerns;
        this.pages = pages;
    }

    @PostMapping("/patient-reports/{id}/review")
    String review(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Map<String, String> errors = pages.attempt(() -> concerns.review(id, note));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "patientReport.reviewed");
        }
        else {
            redirect.addFlashAttribute("flashError", "patientReport.noteNeeded");
        }
        return "redirect:/adverse-events#patient-reports";
    }
}
