package org.follicle.portal.internal;

import java.util.Map;

import org.follicle.messaging.Channel;
import org.follicle.messaging.PatientMessages;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.system.PageForms;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the patient wants to hear from the clinic: email, or text messages to the mobile number of their record for
 * the reminders and notices that fit in one (a sign-in link always goes by email).
 */
@Controller
class PortalPreferencesController {

    private final PatientRegistry patients;

    private final PatientMessages messages;

    private final AuditLog audit;

    private final PageForms pages;

    private final TransactionTemplate transaction;

    PortalPreferencesController(PatientRegistry patients, PatientMessages messages, AuditLog audit, PageForms pages,
            TransactionTemplate transaction) {
        this.patients = patients;
        this.messages = messages;
        this.audit = audit;
        this.pages = pages;
        this.transaction = transaction;
    }

    @GetMapping("/portal/preferences")
    String preferences(@AuthenticationPrincipal PortalPatient me, Model model) {
        PatientView patient = patients.readablePatient(me.patientId());
        model.addAttribute("channel", messages.preferredChannel(patient.id()));
        model.addAttribute("phone", patient.phone());
        return "portal/preferences";
    }

    @PostMapping("/portal/preferences")
    String choose(@AuthenticationPrincipal PortalPatient me, @RequestParam(required = false) Channel channel,
            RedirectAttributes redirect) {
        Map<String, String> errors = pages.attempt(() -> transaction.executeWithoutResult(status -> {
            PatientView patient = patients.readablePatient(me.patientId());
            messages.prefer(patient.organisationId(), patient.id(), channel == null ? Channel.EMAIL : channel,
                    patient.phone());
            audit.record(AuditRecord.success(AuditAction.UPDATE, "message-preference", patient.id(),
                    patient.clinicId()));
        }));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "portal.preferences.saved");
        }
        else {
            redirect.addFlashAttribute("flashText", errors.values().iterator().next());
        }
        return "redirect:/portal/preferences";
    }
}
