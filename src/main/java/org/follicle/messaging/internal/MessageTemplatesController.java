package org.follicle.messaging.internal;

import java.util.Map;

import org.follicle.messaging.MessageKind;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.Languages;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageForms;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The manager's page for the wording of the patients' messages, one kind and language at a time. */
@Controller
class MessageTemplatesController {

    private final MessageTemplates templates;

    private final PageForms pages;

    MessageTemplatesController(MessageTemplates templates, PageForms pages) {
        this.templates = templates;
        this.pages = pages;
    }

    @GetMapping("/admin/messages")
    String page(@RequestParam(defaultValue = "REMINDER") MessageKind kind,
            @RequestParam(defaultValue = "en") String language, Model model) {
        String lang = language(language);
        MessageTemplates.Wording wording = templates.wording(kind, lang);
        return show(kind, lang, wording.subject(), wording.body(), wording.own(), Map.of(), model);
    }

    @PostMapping("/admin/messages")
    String save(@RequestParam MessageKind kind, @RequestParam(defaultValue = "en") String language,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
            @RequestParam(required = false) String reset, Model model, RedirectAttributes redirect) {
        String lang = language(language);
        Map<String, String> errors = pages.attempt(() -> {
            if (reset != null) {
                templates.reset(kind, lang);
            }
            else {
                templates.save(kind, lang, subject, body);
            }
        });
        if (!errors.isEmpty()) {
            return show(kind, lang, subject, body, true, errors, model);
        }
        redirect.addFlashAttribute("flash", reset != null ? "messages.template.reset" : "messages.template.saved");
        return "redirect:/admin/messages?kind=" + kind + "&language=" + lang;
    }

    private String show(MessageKind kind, String language, String subject, String body, boolean own,
            Map<String, String> errors, Model model) {
        model.addAttribute("kinds", MessageKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("language", language);
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("own", own);
        model.addAttribute("errors", errors);
        return "messaging/templates";
    }

    private static String language(String tag) {
        if (Languages.supported(tag) == null) {
            throw BusinessRuleException.onField("language", "messages.template.unknownLanguage");
        }
        return Languages.supported(tag).getLanguage();
    }

    @Configuration
    static class Navigation {

        @Bean
        NavigationLink messageTemplatesLink() {
            return new NavigationLink("nav.messageTemplates", "/admin/messages", Privilege.CLINIC_MANAGE.authority(),
                    77);
        }
    }
}
