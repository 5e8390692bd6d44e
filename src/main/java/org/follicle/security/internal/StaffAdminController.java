package org.follicle.security.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.follicle.security.ClinicCatalog;
import org.follicle.security.ClinicRef;
import org.follicle.security.Role;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.follicle.system.PageForms;
import org.follicle.system.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Admin pages for staff accounts: list, create, roles per clinic, password reset, deactivation. */
@Controller
@RequestMapping("/admin/staff")
class StaffAdminController {

    private final StaffAdministration staff;

    private final ClinicCatalog clinics;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    StaffAdminController(StaffAdministration staff, ClinicCatalog clinics, PageForms pages, JsonMapper json,
            Validator validator) {
        this.staff = staff;
        this.clinics = clinics;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @ModelAttribute("managedClinics")
    List<ClinicRef> managedClinics() {
        return staff.managedClinics().stream().sorted().map(clinics::find).flatMap(java.util.Optional::stream).toList();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @Valid PageQuery page, HtmxRequest htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("staffPage", staff.list(q, page));
        return htmx.isHtmxRequest() ? "security/staff-list :: results" : "security/staff-list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return showNew(json.createObjectNode(), Map.of(), model);
    }

    @PostMapping("/new")
    String create(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, "roles"::equals);
        PageForms.Submitted<StaffAdministration.StaffSummary> created = pages.submit(
                FormDocument.bind(form, json, validator, NewStaffForm.class), account -> {
                    Set<Role> roles = account.roles() == null || account.roles().isEmpty() ? Set.of()
                            : EnumSet.copyOf(account.roles());
                    return staff.create(new StaffAdministration.NewStaff(account.username(), account.displayName(),
                            account.email(), account.password(),
                            roles.isEmpty() ? Map.of() : Map.of(account.clinicId(), roles)));
                });
        if (created.succeeded()) {
            redirect.addFlashAttribute("flash", "staff.created");
            return "redirect:/admin/staff/" + created.value().id();
        }
        return showNew(form, created.errors(), model);
    }

    private String showNew(ObjectNode form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "security/staff-new";
    }

    @GetMapping("/{staffId}")
    String edit(@PathVariable long staffId, Model model) {
        var account = staff.get(staffId);
        return showEdit(account, detailsOf(account), Map.of(), Map.of(), model);
    }

    @PostMapping("/{staffId}")
    String update(@PathVariable long staffId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator, DetailsForm.class),
                details -> staff.update(staffId, details.displayName(), details.email(), details.version()));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "staff.saved");
            return "redirect:/admin/staff/" + staffId;
        }
        return showEdit(staff.get(staffId), form, errors, Map.of(), model);
    }

    @PostMapping("/{staffId}/roles")
    String roles(@PathVariable long staffId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        for (ClinicRef clinic : managedClinics()) {
            List<String> chosen = form.getOrDefault("roles-" + clinic.id(), List.of());
            Set<Role> roles = EnumSet.noneOf(Role.class);
            chosen.stream().map(Role::valueOf).forEach(roles::add);
            try {
                staff.setRoles(staffId, clinic.id(), roles);
            }
            catch (BusinessRuleException e) {
                redirect.addFlashAttribute("flashError", e.messageKey());
                return "redirect:/admin/staff/" + staffId;
            }
        }
        redirect.addFlashAttribute("flash", "staff.rolesSaved");
        return "redirect:/admin/staff/" + staffId;
    }

    @PostMapping("/{staffId}/password")
    String resetPassword(@PathVariable long staffId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator, ResetForm.class),
                reset -> staff.resetPassword(staffId, reset.password()));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "staff.passwordReset");
            return "redirect:/admin/staff/" + staffId;
        }
        var account = staff.get(staffId);
        return showEdit(account, detailsOf(account), Map.of(), errors, model);
    }

    private ObjectNode detailsOf(StaffAdministration.StaffSummary account) {
        return json.valueToTree(new DetailsForm(account.displayName(), account.email(), account.version()));
    }

    private String showEdit(StaffAdministration.StaffSummary account, ObjectNode detailsForm,
            Map<String, String> detailsErrors, Map<String, String> resetErrors, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("detailsForm", detailsForm);
        model.addAttribute("detailsErrors", detailsErrors);
        model.addAttribute("resetForm", json.createObjectNode());
        model.addAttribute("resetErrors", resetErrors);
        return "security/staff-edit";
    }

    @PostMapping("/{staffId}/deactivate")
    String deactivate(@PathVariable long staffId, RedirectAttributes redirect) {
        try {
            staff.deactivate(staffId);
            redirect.addFlashAttribute("flash", "staff.deactivated");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/admin/staff/" + staffId;
    }

    @PostMapping("/{staffId}/reactivate")
    String reactivate(@PathVariable long staffId, RedirectAttributes redirect) {
        staff.reactivate(staffId);
        redirect.addFlashAttribute("flash", "staff.reactivated");
        return "redirect:/admin/staff/" + staffId;
    }

    record NewStaffForm(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,100}", message = "{staff.usernamePattern}") String username,
            @NotBlank @Size(max = 200) String displayName, @Email @Size(max = 320) String email,
            @NotBlank String password, @NotNull Long clinicId, Set<Role> roles) {
    }

    record DetailsForm(@NotBlank @Size(max = 200) String displayName, @Email @Size(max = 320) String email,
            int version) {
    }

    record ResetForm(@NotBlank String password) {
    }
}
