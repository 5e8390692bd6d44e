package org.follicle.portal.internal;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's sign-in pages: ask for a link by email, then follow it and confirm. */
@Controller
class PortalSignInController {

    @GetMapping("/portal/login")
    String signIn(@RequestParam(required = false) String email, Model model) {
        model.addAttribute("email", email);
        return "portal/login";
    }

    /**
     * Reached when no link was made: an address that is not one is said so; any other gets the same answer as one
     * with an account.
     */
    @PostMapping("/portal/login/link")
    String noLink(@RequestParam(required = false) String email, Model model) {
        if (!SignInLinks.isAddress(email)) {
            model.addAttribute("email", email);
            model.addAttribute("emailError", "portal.login.emailInvalid");
            return "portal/login";
        }
        return "redirect:/portal/login/sent";
    }

    @GetMapping("/portal/login/sent")
    String sent(HttpSession session, Model model) {
        model.addAttribute("evaluationLink", session.getAttribute(SignInLinks.EVALUATION_LINK));
        session.removeAttribute(SignInLinks.EVALUATION_LINK);
        return "portal/sent";
    }

    /** The link in the email opens this page; signing in takes a click, so that a mail scanner cannot use it up. */
    @GetMapping("/portal/login/ott")
    String confirm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        return "portal/confirm";
    }
}
