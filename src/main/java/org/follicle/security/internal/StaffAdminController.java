package org.follicle.security.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
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
import org.follicle.system.PageQuery;
import org.follicle.system.StaleRecordException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for staff accounts: list, create, roles per clinic, password reset, deactivation. */
@Controller
@RequestMapping("/admin/staff")
class StaffAdminController {

    private final StaffAdministration staff;

    private final ClinicCatalog clinics;

    StaffAdminController(StaffAdministration staff, ClinicCatalog clinics) {
        this.staff = staff;
        this.clinics = clinics;
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
        model.addAttribute("staffForm", new NewStaffForm(null, null, null, null, null, Set.of()));
        return "security/staff-new";
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("staffForm") NewStaffForm form, BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Set<Role> roles = form.roles() == null || form.roles().isEmpty() ? Set.of() : EnumSet.copyOf(form.roles());
                var created = staff.create(new StaffAdministration.NewStaff(form.username(), form.displayName(),
                        form.email(), form.password(), roles.isEmpty() ? Map.of() : Map.of(form.clinicId(), roles)));
                redirect.addFlashAttribute("flash", "staff.created");
                return "redirect:/admin/staff/" + created.id();
            }
            catch (BusinessRuleException e) {
                e.addTo(result);
            }
        }
        return "security/staff-new";
    }

    @GetMapping("/{staffId}")
    String edit(@PathVariable long staffId, Model model) {
        var account = staff.get(staffId);
        model.addAttribute("account", account);
        if (!model.containsAttribute("detailsForm")) {
            model.addAttribute("detailsForm", new DetailsForm(account.displayName(), account.email(), account.version()));
        }
        if (!model.containsAttribute("resetForm")) {
            model.addAttribute("resetForm", new ResetForm(null));
        }
        return "security/staff-edit";
    }

    @PostMapping("/{staffId}")
    String update(@PathVariable long staffId, @Valid @ModelAttribute("detailsForm") DetailsForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                staff.update(staffId, form.displayName(), form.email(), form.version());
                redirect.addFlashAttribute("flash", "staff.saved");
                return "redirect:/admin/staff/" + staffId;
            }
            catch (StaleRecordException e) {
                result.reject("problem.stale");
            }
        }
        return edit(staffId, model);
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
    String resetPassword(@PathVariable long staffId, @Valid @ModelAttribute("resetForm") ResetForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                staff.resetPassword(staffId, form.password());
                redirect.addFlashAttribute("flash", "staff.passwordReset");
                return "redirect:/admin/staff/" + staffId;
            }
            catch (BusinessRuleException e) {
                e.addTo(result);
            }
        }
        return edit(staffId, model);
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
