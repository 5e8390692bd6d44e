package org.follicle.security.internal;

import org.follicle.security.ClinicAccess;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The clinic switcher in the header: the user's pages show the chosen clinic from now on. */
@Controller
class ClinicSwitchController {

    private final ClinicAccess access;

    ClinicSwitchController(ClinicAccess access) {
        this.access = access;
    }

    @PostMapping("/clinic")
    String switchTo(@RequestParam long clinicId) {
        access.selectClinic(clinicId);
        return "redirect:/";
    }
}
