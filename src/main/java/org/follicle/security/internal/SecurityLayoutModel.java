package org.follicle.security.internal;

import java.util.List;
import java.util.function.Supplier;

import org.follicle.security.ClinicAccess;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;
import org.thymeleaf.context.LazyContextVariable;

/** The signed-in user and their clinics, for the header of every page (name, clinic switcher). */
@Component
class SecurityLayoutModel implements PageModel {

    private final ClinicAccess access;

    private final ClinicCatalog clinics;

    SecurityLayoutModel(ClinicAccess access, ClinicCatalog clinics) {
        this.access = access;
        this.clinics = clinics;
    }

    // The clinics are read only when a template shows them (a page's fragment for htmx often does not).
    @Override
    public void addTo(ModelMap model) {
        model.addAttribute("currentStaff", access.currentIfAny().orElse(null));
        model.addAttribute("myClinics", lazy(() -> access.currentIfAny().map(staff -> clinics
                .clinicsOf(staff.organisationId()).stream().filter(clinic -> staff.clinicIds().contains(clinic.id()))
                .toList()).orElse(List.of())));
        Long selected = access.selectedClinic().orElse(null);
        model.addAttribute("selectedClinicId", selected);
        model.addAttribute("selectedClinic", lazy(() -> selected == null ? null : clinics.find(selected).orElse(null)));
    }

    private static <T> LazyContextVariable<T> lazy(Supplier<T> value) {
        return new LazyContextVariable<>() {
            @Override
            protected T loadValue() {
                return value.get();
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {

        @Bean
        NavigationLink staffLink() {
            return new NavigationLink("nav.staff", "/admin/staff", Privilege.STAFF_MANAGE.authority(), 80);
        }

        @Bean
        NavigationLink auditLink() {
            return new NavigationLink("nav.audit", "/admin/audit", Privilege.AUDIT_READ.authority(), 90);
        }
    }
}
