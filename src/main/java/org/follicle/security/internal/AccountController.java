package org.follicle.security.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.follicle.security.ClinicAccess;
import org.follicle.system.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password and personal access tokens for the API. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final ClinicAccess access;

    private final StaffAdministration staff;

    private final AccessTokens tokens;

    AccountController(ClinicAccess access, StaffAdministration staff, AccessTokens tokens) {
        this.access = access;
        this.staff = staff;
        this.tokens = tokens;
    }

    @GetMapping
    String account(Model model) {
        // Forms are records: a re-shown form keeps what was typed, a fresh one starts empty.
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm(null, null, null));
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", freshTokenForm());
        }
        model.addAttribute("tokens", tokens.of(access.current().id()));
        return "security/account";
    }

    @PostMapping("/password")
    String changePassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors() && !form.newPassword().equals(form.confirmation())) {
            result.rejectValue("confirmation", "password.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                staff.changeOwnPassword(form.currentPassword(), form.newPassword());
                redirect.addFlashAttribute("flash", "password.changed");
                return "redirect:/account";
            }
            catch (BusinessRuleException e) {
                e.addTo(result);
            }
        }
        return account(model);
    }

    @PostMapping("/tokens")
    String createToken(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                model.addAttribute("newToken", tokens.create(access.current().id(), form.name(), form.validDays()));
                model.addAttribute("tokenForm", freshTokenForm());
            }
            catch (BusinessRuleException e) {
                e.addTo(result);
            }
        }
        // Rendered, not redirected: the token must not travel through the session.
        return account(model);
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revoke(@PathVariable long tokenId, RedirectAttributes redirect) {
        tokens.revoke(access.current().id(), tokenId);
        redirect.addFlashAttribute("flash", "token.revoked");
        return "redirect:/account";
    }

    private static TokenForm freshTokenForm() {
        return new TokenForm(null, 90);
    }

    record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword, @NotBlank String confirmation) {
    }

    record TokenForm(@NotBlank @Size(max = 100) String name, @Min(1) @Max(366) Integer validDays) {
    }
}
