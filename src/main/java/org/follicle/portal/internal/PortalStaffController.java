package org.follicle.portal.internal;

import java.util.Map;

import org.follicle.system.PageForms;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The clinic's side of the portal, from the chart: invite the patient, close their account, answer them. */
@Controller
class PortalStaffController {

    private final PortalAccounts accounts;

    private final Conversations conversations;

    private final PageForms pages;

    PortalStaffController(PortalAccounts accounts, Conversations conversations, PageForms pages) {
        this.accounts = accounts;
        this.conversations = conversations;
        this.pages = pages;
    }

    @PostMapping("/patients/{patientId}/portal-invitation")
    String invite(@PathVariable long patientId, RedirectAttributes redirect) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/login").toUriString();
        return done(pages.attempt(() -> accounts.invite(patientId, url)), "portal.invite.sent", patientId, redirect);
    }

    @PostMapping("/patients/{patientId}/portal-account/closing")
    String close(@PathVariable long patientId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return done(pages.attempt(() -> accounts.close(patientId, reason)), "portal.close.done", patientId, redirect);
    }

    @PostMapping("/patients/{patientId}/portal-messages")
    String answer(@PathVariable long patientId, @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        return done(pages.attempt(() -> conversations.fromClinic(patientId, text)), "portal.message.sent", patientId,
                redirect);
    }

    private static String done(Map<String, String> errors, String flash, long patientId, RedirectAttributes redirect) {
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", flash);
        }
        else {
            redirect.addFlashAttribute("flashText", errors.values().iterator().next());
        }
        return "redirect:/patients/" + patientId + "#portal";
    }
}
