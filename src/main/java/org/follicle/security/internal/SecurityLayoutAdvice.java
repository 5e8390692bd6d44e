package org.follicle.security.internal;

import java.util.List;
import java.util.function.Supplier;

import org.follicle.security.ClinicAccess;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.security.CurrentStaff;
import org.follicle.security.Privilege;
import org.follicle.system.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/** The signed-in user and their clinics, for the header of every page (name, clinic switcher). */
@ControllerAdvice(annotations = Controller.class)
class SecurityLayoutAdvice {

    private final ClinicAccess access;

    private final ClinicCatalog clinics;

    SecurityLayoutAdvice(ClinicAccess access, ClinicCatalog clinics) {
        this.access = access;
        this.clinics = clinics;
    }

    @ModelAttribute("currentStaff")
    CurrentStaff currentStaff() {
        return access.currentIfAny().orElse(null);
    }

    // The clinics are read only when a template shows them: this advice also runs for every JSON API call (a
    // @RestController is a @Controller), which would otherwise pay two queries for a header it never renders.

    @ModelAttribute("myClinics")
    LazyContextVariable<List<ClinicRef>> myClinics() {
        return lazy(() -> access.currentIfAny().map(staff -> clinics.clinicsOf(staff.organisationId()).stream()
                .filter(clinic -> staff.clinicIds().contains(clinic.id())).toList()).orElse(List.of()));
    }

    @ModelAttribute("selectedClinicId")
    Long selectedClinicId() {
        return access.selectedClinic().orElse(null);
    }

    @ModelAttribute("selectedClinic")
    LazyContextVariable<ClinicRef> selectedClinic() {
        return lazy(() -> access.selectedClinic().flatMap(clinics::find).orElse(null));
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
