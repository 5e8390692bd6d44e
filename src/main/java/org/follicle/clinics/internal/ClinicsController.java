package org.follicle.clinics.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.follicle.clinics.ClinicView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.NavigationLink;
import org.follicle.system.StaleRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for the clinics the user manages: name, time zone, rooms. */
@Controller
@RequestMapping("/admin/clinics")
class ClinicsController {

    private final ClinicAdministration clinics;

    private final ClinicAccess access;

    ClinicsController(ClinicAdministration clinics, ClinicAccess access) {
        this.clinics = clinics;
        this.access = access;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("clinics", clinics.myClinics().stream()
                .filter(c -> access.can(Privilege.CLINIC_MANAGE, c.id())).toList());
        return "clinics/clinics";
    }

    @GetMapping("/{clinicId}")
    String clinic(@PathVariable long clinicId, Model model) {
        ClinicView clinic = clinics.clinic(clinicId);
        access.require(Privilege.CLINIC_MANAGE, clinicId);
        model.addAttribute("clinic", clinic);
        model.addAttribute("rooms", clinics.rooms(clinicId));
        if (!model.containsAttribute("clinicForm")) {
            model.addAttribute("clinicForm", new ClinicForm(clinic.name(), clinic.timeZone(), clinic.version()));
        }
        if (!model.containsAttribute("roomForm")) {
            model.addAttribute("roomForm", new RoomForm(null));
        }
        return "clinics/clinic";
    }

    @PostMapping("/{clinicId}")
    String update(@PathVariable long clinicId, @Valid @ModelAttribute("clinicForm") ClinicForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                clinics.update(clinicId, form.name(), form.timeZone(), form.version());
                redirect.addFlashAttribute("flash", "clinic.saved");
                return "redirect:/admin/clinics/" + clinicId;
            }
            catch (BusinessRuleException e) {
                e.addTo(result);
            }
            catch (StaleRecordException e) {
                result.reject("problem.stale");
            }
        }
        return clinic(clinicId, model);
    }

    @PostMapping("/{clinicId}/rooms")
    String addRoom(@PathVariable long clinicId, @Valid @ModelAttribute("roomForm") RoomForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                clinics.addRoom(clinicId, form.roomName());
                redirect.addFlashAttribute("flash", "room.added");
                return "redirect:/admin/clinics/" + clinicId;
            }
            catch (BusinessRuleException e) {
                result.rejectValue("roomName", e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        return clinic(clinicId, model);
    }

    record ClinicForm(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String timeZone, int version) {
    }

    record RoomForm(@NotBlank @Size(max = 100) String roomName) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {

        @Bean
        NavigationLink clinicsLink() {
            return new NavigationLink("nav.clinics", "/admin/clinics", Privilege.CLINIC_MANAGE.authority(), 70);
        }
    }
}
