package org.follicle.security.internal;

import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.security.ClinicAccess;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
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

    private final ClinicAccess access;

    private final ClinicCatalog clinics;

    AuditController(AuditSearch search, AuditVerifier verifier, ClinicAccess access, ClinicCatalog clinics) {
        this.search = search;
        this.verifier = verifier;
        this.access = access;
        this.clinics = clinics;
    }

    /** Clinic names for the log's clinic column, which stores ids. */
    @ModelAttribute("clinicNames")
    Map<Long, String> clinicNames() {
        return clinics.clinicsOf(access.current().organisationId()).stream()
                .collect(Collectors.toMap(ClinicRef::id, ClinicRef::name));
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
