package org.follicle.security.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
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
        // The log stores clinic ids; the page shows names, and each entry's time in its clinic's zone.
        Map<Long, ClinicRef> byId = clinics.clinicsOf(access.current().organisationId()).stream()
                .collect(Collectors.toMap(ClinicRef::id, Function.identity()));
        model.addAttribute("clinics", byId);
        // Entries tied to no clinic (sign-ins) and the date filter read in the zone of the clinic one works in.
        ZoneId zone = access.selectedClinic().map(byId::get).map(ClinicRef::zone).orElse(ZoneOffset.UTC);
        model.addAttribute("zone", zone);
        model.addAttribute("entries", search.search(query, page, zone));
        return htmx.isHtmxRequest() ? "security/audit :: results" : "security/audit";
    }

    @PostMapping("/verification")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", verifier.verifyAndRecord());
        return "redirect:/admin/audit";
    }
}
