package org.follicle.security.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.follicle.security.ClinicAccess;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.follicle.system.PageForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The signed-in user's own account: password and personal access tokens for the API. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final ClinicAccess access;

    private final StaffAdministration staff;

    private final AccessTokens tokens;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    AccountController(ClinicAccess access, StaffAdministration staff, AccessTokens tokens, PageForms pages,
            JsonMapper json, Validator validator) {
        this.access = access;
        this.staff = staff;
        this.tokens = tokens;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping
    String account(Model model) {
        return show(json.createObjectNode(), Map.of(), freshTokenForm(), Map.of(), model);
    }

    @PostMapping("/password")
    String changePassword(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator, PasswordForm.class),
                change -> {
                    if (!change.newPassword().equals(change.confirmation())) {
                        throw BusinessRuleException.onField("confirmation", "password.mismatch");
                    }
                    staff.changeOwnPassword(change.currentPassword(), change.newPassword());
                });
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "password.changed");
            return "redirect:/account";
        }
        return show(json.createObjectNode(), errors, freshTokenForm(), Map.of(), model);
    }

    @PostMapping("/tokens")
    String createToken(HttpServletRequest request, Model model) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        PageForms.Submitted<AccessTokens.IssuedToken> created = pages.submit(
                FormDocument.bind(form, json, validator, TokenForm.class),
                token -> tokens.create(access.current().id(), token.name(), token.validDays()));
        if (created.succeeded()) {
            model.addAttribute("newToken", created.value());
            form = freshTokenForm();
        }
        // Rendered, not redirected: the token must not travel through the session.
        return show(json.createObjectNode(), Map.of(), form, created.errors(), model);
    }

    private String show(ObjectNode passwordForm, Map<String, String> passwordErrors, ObjectNode tokenForm,
            Map<String, String> tokenErrors, Model model) {
        model.addAttribute("passwordForm", passwordForm);
        model.addAttribute("passwordErrors", passwordErrors);
        model.addAttribute("tokenForm", tokenForm);
        model.addAttribute("tokenErrors", tokenErrors);
        model.addAttribute("tokens", tokens.of(access.current().id()));
        return "security/account";
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revoke(@PathVariable long tokenId, RedirectAttributes redirect) {
        tokens.revoke(access.current().id(), tokenId);
        redirect.addFlashAttribute("flash", "token.revoked");
        return "redirect:/account";
    }

    private ObjectNode freshTokenForm() {
        return json.createObjectNode().put("validDays", 90);
    }

    record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword, @NotBlank String confirmation) {
    }

    record TokenForm(@NotBlank @Size(max = 100) String name, @Min(1) @Max(366) Integer validDays) {
    }
}
