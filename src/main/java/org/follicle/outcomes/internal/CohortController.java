package org.follicle.outcomes.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.NavigationLink;
import org.follicle.system.PageForms;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The cohort report page a clinic director reads, its CSV, and the manual refresh of its figures. */
@Controller
class CohortController {

    private final CohortReports reports;

    private final CohortFacts facts;

    private final PageForms pages;

    private final MessageSource texts;

    private final JsonMapper json;

    CohortController(CohortReports reports, CohortFacts facts, PageForms pages, MessageSource texts, JsonMapper json) {
        this.reports = reports;
        this.facts = facts;
        this.pages = pages;
        this.texts = texts;
        this.json = json;
    }

    @GetMapping("/analytics/cohorts")
    String cohorts(@ModelAttribute("query") CohortQuery query, BindingResult binding,
            jakarta.servlet.http.HttpServletRequest request, Model model) {
        model.addAttribute("options", reports.options());
        model.addAttribute("dimensions", CohortQuery.Dimension.values());
        model.addAttribute("responders", CohortQuery.Responder.values());
        model.addAttribute("sexes", CohortQuery.Sex.values());
        model.addAttribute("ageBands", CohortQuery.AgeBand.values());
        if (binding.hasErrors()) {
            model.addAttribute("query", new CohortQuery(null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null));
            model.addAttribute("problem", texts.getMessage("cohort.invalidFilter", new Object[] {
                    String.join(", ", binding.getFieldErrors().stream().map(e -> e.getField()).toList()) },
                    LocaleContextHolder.getLocale()));
            return "outcomes/cohorts";
        }
        try {
            CohortReports.Report report = reports.run(query);
            model.addAttribute("report", report);
            model.addAttribute("csvLink", "/analytics/cohorts.csv"
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            model.addAttribute("chart", json.writeValueAsString(report.groups().stream()
                    .filter(g -> g.responders() != null).map(g -> Map.of("label", g.label(), "share",
                            g.responders().share(), "low", g.responders().low(), "high", g.responders().high(),
                            "conclusive", g.conclusive()))
                    .toList()));
        }
        catch (BusinessRuleException e) {
            model.addAttribute("problem", pages.text(e));
        }
        return "outcomes/cohorts";
    }

    @GetMapping("/analytics/cohorts.csv")
    ResponseEntity<byte[]> csv(@ModelAttribute CohortQuery query) {
        CohortReports.Report report;
        try {
            report = reports.run(query);
        }
        catch (BusinessRuleException e) {
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(pages.text(e).getBytes(StandardCharsets.UTF_8));
        }
        return CohortCsv.response(report, texts);
    }

    @PostMapping("/analytics/cohorts/refresh")
    String refresh(RedirectAttributes redirect) {
        reports.readableClinics();
        facts.refresh();
        redirect.addFlashAttribute("flash", "cohort.refreshed");
        return "redirect:/analytics/cohorts";
    }

    @Configuration
    static class Navigation {

        @Bean
        NavigationLink cohortLink() {
            return new NavigationLink("nav.cohorts", "/analytics/cohorts", Privilege.OUTCOMES_READ.authority(), 60);
        }
    }
}
