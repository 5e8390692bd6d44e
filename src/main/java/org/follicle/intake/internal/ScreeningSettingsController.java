package org.follicle.intake.internal;

import org.follicle.intake.RuleClass;
import org.follicle.security.Privilege;
import org.follicle.system.NavigationLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's screening settings, for clinic admins; every change is audited. */
@Controller
@RequestMapping("/admin/screening")
class ScreeningSettingsController {

    private final IntakeRecords records;

    ScreeningSettingsController(IntakeRecords records) {
        this.records = records;
    }

    @GetMapping
    String settings(Model model) {
        model.addAttribute("settings", records.settings());
        model.addAttribute("classes", new RuleClass[] { RuleClass.EXCLUDE, RuleClass.CAUTION });
        return "intake/settings";
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "-1") int nsaidWindowDays,
            @RequestParam(defaultValue = "-1") int aspirinWindowDays, @RequestParam RuleClass anticoagulantClass,
            @RequestParam RuleClass bleedingDisorderClass, RedirectAttributes redirect) {
        ScreeningSettings settings;
        try {
            settings = new ScreeningSettings(nsaidWindowDays, aspirinWindowDays, anticoagulantClass,
                    bleedingDisorderClass);
        }
        catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("flashError", "screening.settings.invalid");
            return "redirect:/admin/screening";
        }
        records.saveSettings(settings);
        redirect.addFlashAttribute("flash", "screening.settings.saved");
        return "redirect:/admin/screening";
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {

        @Bean
        NavigationLink screeningSettingsLink() {
            return new NavigationLink("nav.screeningSettings", "/admin/screening", Privilege.CLINIC_MANAGE.authority(),
                    75);
        }
    }
}
