package org.follicle.portal.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.diagnosis.PatientMeasures;
import org.follicle.diagnosis.SiteProgress;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.plans.CourseMilestone;
import org.follicle.plans.CourseMilestones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The patient's progress as measured at the clinic: density per scalp site from the first measure to the latest,
 * and the next review of their course. Figures only, never a promise of what is to come.
 */
@Controller
class PortalProgressController {

    private final PatientRegistry patients;

    private final PatientMeasures measures;

    private final CourseMilestones milestones;

    private final ClinicDirectory clinics;

    private final java.time.Clock clock;

    PortalProgressController(PatientRegistry patients, PatientMeasures measures, CourseMilestones milestones,
            ClinicDirectory clinics, java.time.Clock clock) {
        this.patients = patients;
        this.measures = measures;
        this.milestones = milestones;
        this.clinics = clinics;
        this.clock = clock;
    }

    @GetMapping("/portal/progress")
    String progress(@AuthenticationPrincipal PortalPatient me, Model model) {
        PatientView patient = patients.readablePatient(me.patientId());
        LocalDate today = LocalDate.now(clock.withZone(clinics.find(patient.clinicId()).orElseThrow().zone()));
        List<SiteProgress> sites = measures.of(patient.id()).stream().filter(s -> !s.measures().isEmpty()).toList();
        List<CourseMilestone> reviews = milestones.ofPatient(patient.id()).stream()
                .filter(m -> m.due() != null && !m.due().isBefore(today))
                .sorted(Comparator.comparing(CourseMilestone::due)).toList();
        model.addAttribute("sites", sites);
        model.addAttribute("nextReview", reviews.isEmpty() ? null : reviews.get(0));
        return "portal/progress";
    }
}
