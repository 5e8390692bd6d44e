package org.follicle.patients.internal;

import java.time.Clock;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Whether the organisation's clinics see each other's patients. Opening records across clinics concerns every
 * clinic, so only an admin of all of them may change it; each change is audited.
 */
@Controller
@RequestMapping("/admin/registry")
class RegistrySettingsController {

    private final PatientStore patients;

    private final ClinicAccess access;

    private final ClinicCatalog clinics;

    private final AuditLog audit;

    private final Clock clock;

    RegistrySettingsController(PatientStore patients, ClinicAccess access, ClinicCatalog clinics, AuditLog audit,
            Clock clock) {
        this.patients = patients;
        this.access = access;
        this.clinics = clinics;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    String settings(Model model) {
        CurrentStaff me = requireOrganisationAdmin();
        model.addAttribute("shared", patients.sharedAcrossClinics(me.organisationId()));
        return "patients/registry-settings";
    }

    @PostMapping
    @Transactional
    String save(@RequestParam(defaultValue = "false") boolean shared, RedirectAttributes redirect) {
        CurrentStaff me = requireOrganisationAdmin();
        patients.shareAcrossClinics(me.organisationId(), shared, clock.instant(), me.username());
        audit.record(new AuditRecord(AuditAction.SETTINGS_CHANGE, "registry-settings",
                String.valueOf(me.organisationId()), null, AuditOutcome.SUCCESS, "shareAcrossClinics=" + shared));
        redirect.addFlashAttribute("flash", "registry.saved");
        return "redirect:/admin/registry";
    }

    private CurrentStaff requireOrganisationAdmin() {
        CurrentStaff me = access.current();
        boolean allClinics = clinics.clinicsOf(me.organisationId()).stream().map(ClinicRef::id)
                .allMatch(clinic -> access.can(Privilege.CLINIC_MANAGE, clinic));
        if (!allClinics) {
            throw new AccessDeniedException("only an admin of every clinic of the organisation");
        }
        return me;
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {

        @Bean
        NavigationLink registrySettingsLink() {
            return new NavigationLink("nav.registrySettings", "/admin/registry", Privilege.CLINIC_MANAGE.authority(),
                    76);
        }
    }
}
