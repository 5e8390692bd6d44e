package org.follicle.clinics.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.follicle.clinics.ClinicView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.FormDocument;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageForms;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Admin pages for the clinics the user manages: name, time zone, rooms. */
@Controller
@RequestMapping("/admin/clinics")
class ClinicsController {

    private final ClinicAdministration clinics;

    private final ClinicAccess access;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    ClinicsController(ClinicAdministration clinics, ClinicAccess access, PageForms pages, JsonMapper json,
            Validator validator) {
        this.clinics = clinics;
        this.access = access;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
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
        return show(clinic, detailsOf(clinic),
                Map.of(), json.createObjectNode(), Map.of(), model);
    }

    @PostMapping("/{clinicId}")
    String update(@PathVariable long clinicId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator, ClinicForm.class),
                details -> clinics.update(clinicId, details.name(), details.timeZone(), details.version()));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "clinic.saved");
            return "redirect:/admin/clinics/" + clinicId;
        }
        return show(clinics.clinic(clinicId), form, errors, json.createObjectNode(), Map.of(), model);
    }

    @PostMapping("/{clinicId}/rooms")
    String addRoom(@PathVariable long clinicId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator, RoomForm.class),
                room -> clinics.addRoom(clinicId, room.roomName()));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "room.added");
            return "redirect:/admin/clinics/" + clinicId;
        }
        ClinicView clinic = clinics.clinic(clinicId);
        return show(clinic, detailsOf(clinic),
                Map.of(), form, errors, model);
    }

    private ObjectNode detailsOf(ClinicView clinic) {
        return json.valueToTree(new ClinicForm(clinic.name(), clinic.timeZone(), clinic.version()));
    }

    private String show(ClinicView clinic, ObjectNode clinicForm, Map<String, String> clinicErrors, ObjectNode roomForm,
            Map<String, String> roomErrors, Model model) {
        access.require(Privilege.CLINIC_MANAGE, clinic.id());
        model.addAttribute("clinic", clinic);
        model.addAttribute("rooms", clinics.rooms(clinic.id()));
        model.addAttribute("clinicForm", clinicForm);
        model.addAttribute("clinicErrors", clinicErrors);
        model.addAttribute("roomForm", roomForm);
        model.addAttribute("roomErrors", roomErrors);
        return "clinics/clinic";
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
