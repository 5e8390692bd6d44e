package org.follicle.security.internal;

import java.time.ZoneId;

import jakarta.validation.Valid;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.system.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit log for admins: search it, and verify that nobody altered it. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    private final AuditSearch search;

    private final AuditVerifier verifier;

    AuditController(AuditSearch search, AuditVerifier verifier) {
        this.search = search;
        this.verifier = verifier;
    }

    @ModelAttribute("actions")
    AuditAction[] actions() {
        return AuditAction.values();
    }

    @ModelAttribute("outcomes")
    AuditOutcome[] outcomes() {
        return AuditOutcome.values();
    }

    @GetMapping
    String search(@ModelAttribute("query") AuditSearch.AuditQuery query, @Valid PageQuery page, HtmxRequest htmx,
            Model model) {
        model.addAttribute("entries", search.search(query, page, ZoneId.systemDefault()));
        return htmx.isHtmxRequest() ? "security/audit :: results" : "security/audit";
    }

    @PostMapping("/verification")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", verifier.verifyAndRecord());
        return "redirect:/admin/audit";
    }
}
