package org.follicle.billing.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.clinics.ClinicView;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.FormDocument;
import org.follicle.system.PageForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The price list's page (its VAT defaults, its courses), a practitioner's VAT choice for a patient, and a course's
 * cancellation.
 */
@Controller
class PriceListController {

    private final PriceList prices;

    private final Courses courses;

    private final Invoices invoices;

    private final PatientRegistry patients;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    PriceListController(PriceList prices, Courses courses, Invoices invoices, PatientRegistry patients,
            ClinicDirectory clinics, ClinicAccess access, PageForms pages, JsonMapper json, Validator validator) {
        this.prices = prices;
        this.courses = courses;
        this.invoices = invoices;
        this.patients = patients;
        this.clinics = clinics;
        this.access = access;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
    }

    @GetMapping("/prices")
    String prices(Model model) {
        ClinicView clinic = clinics.requireClinic(access.workingClinic(), Privilege.BILLING_READ);
        model.addAttribute("clinic", clinic);
        model.addAttribute("list", prices.of(clinic.id()));
        model.addAttribute("categories", invoices.vatCategories(clinic.id()));
        model.addAttribute("canManage", access.can(Privilege.CLINIC_MANAGE, clinic.id()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", json.createObjectNode().put("sessions", "6").put("validityDays", "365"));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "billing/prices";
    }

    @PostMapping("/prices/treatments")
    String setTreatmentVat(@RequestParam String typeCode, @RequestParam(required = false) String vatCategory,
            Model model, RedirectAttributes redirect) {
        return saved(pages.attempt(() -> prices.setTreatmentVat(access.workingClinic(), typeCode, vatCategory)),
                model, redirect);
    }

    @PostMapping("/prices/products")
    String setProductVat(@RequestParam long productId, @RequestParam(required = false) String vatCategory,
            Model model, RedirectAttributes redirect) {
        return saved(pages.attempt(() -> prices.setProductVat(access.workingClinic(), productId, vatCategory)),
                model, redirect);
    }

    @PostMapping("/prices/courses")
    String addCourse(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(
                FormDocument.bind(form, json, validator, PriceList.CourseInput.class),
                in -> prices.addCourse(access.workingClinic(), in));
        if (!errors.isEmpty()) {
            model.addAttribute("form", form);
        }
        return saved(errors, model, redirect);
    }

    /** Withdraws a course from sale or puts it back, as it stands. */
    @PostMapping("/prices/courses/{priceId}")
    String offerCourse(@PathVariable long priceId, @RequestParam int version,
            @RequestParam(defaultValue = "true") boolean active,
            Model model, RedirectAttributes redirect) {
        return saved(pages.attempt(() -> {
            Price course = prices.entry(priceId).filter(c -> c.kind() == Price.Kind.COURSE)
                    .orElseThrow(() -> new org.follicle.system.RecordNotFoundException(PriceList.PRICE, priceId));
            prices.changeCourse(priceId, version, new PriceList.CourseInput(course.name(), course.appointmentType(),
                    course.sessions(), course.validityDays(), course.unitPrice(), course.vatCategory(), active));
        }), model, redirect);
    }

    @GetMapping("/patients/{patientId}/vat-choice")
    String vatChoice(@PathVariable long patientId, Model model) {
        PatientView patient = patients.shownOnForm(patients.readablePatient(patientId));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", json.createObjectNode().put("vatCategory",
                    prices.vatChoice(patient).map(PriceStore.VatChoice::vatCategory).orElse("EXEMPT_MEDICAL")));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("patient", patient);
        model.addAttribute("choice", prices.vatChoice(patient).orElse(null));
        model.addAttribute("categories", invoices.vatCategories(patient.clinicId()));
        return "billing/vat-choice";
    }

    @PostMapping("/patients/{patientId}/vat-choice")
    String chooseVat(@PathVariable long patientId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        Map<String, String> errors = pages.attempt(
                FormDocument.bind(form, json, validator, PriceList.VatChoiceInput.class),
                in -> prices.chooseVat(patientId, in));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "vat.choice.saved");
            return "redirect:/patients/" + patientId + "#invoices";
        }
        return vatChoice(patientId, model.addAttribute("form", form).addAttribute("errors", errors));
    }

    @GetMapping("/courses/{courseId}/cancel")
    String cancellation(@PathVariable long courseId, Model model) {
        Course course = courses.course(courseId);
        model.addAttribute("course", course);
        model.addAttribute("status", course.status(courses.today(course.clinicId())));
        model.addAttribute("patient", patients.readablePatient(course.patientId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", json.createObjectNode());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "billing/course-cancel";
    }

    @PostMapping("/courses/{courseId}/cancel")
    String cancel(@PathVariable long courseId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        PageForms.Submitted<Invoice> note = pages.submit(
                FormDocument.bind(form, json, validator, Courses.Cancellation.class),
                in -> courses.cancel(courseId, in));
        if (note.succeeded()) {
            redirect.addFlashAttribute("flash", "course.cancelled");
            return "redirect:/invoices/" + note.value().id();
        }
        return cancellation(courseId, model.addAttribute("form", form).addAttribute("errors", note.errors()));
    }

    private String saved(Map<String, String> errors, Model model, RedirectAttributes redirect) {
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "price.saved");
            return "redirect:/prices";
        }
        return prices(model.addAttribute("errors", errors));
    }
}
