package org.follicle.formulary.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.follicle.system.PageForms;
import org.follicle.intake.Modality;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.FormDocument;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Formulary pages: the ingredient library and templates, the product catalogue, and a patient's formula, built
 * from a template or freely and checked against the patient as it is written.
 */
@Controller
class FormularyController {

    /** Ingredient rows offered on the formula form. */
    static final int ROWS = 8;

    private final IngredientLibrary library;

    private final FormulaRecords formulas;

    private final ProductCatalogue catalogue;

    private final FormularyKnowledge knowledge;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final PageForms pages;

    private final JsonMapper json;

    private final Validator validator;

    private final Clock clock;

    FormularyController(IngredientLibrary library, FormulaRecords formulas, ProductCatalogue catalogue,
            FormularyKnowledge knowledge, PatientRegistry patients, ClinicAccess access, PageForms pages,
            JsonMapper json, Validator validator, Clock clock) {
        this.library = library;
        this.formulas = formulas;
        this.catalogue = catalogue;
        this.knowledge = knowledge;
        this.patients = patients;
        this.access = access;
        this.pages = pages;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/formulary")
    String library(Model model) {
        List<IngredientStore.Ingredient> ingredients = library.list();
        model.addAttribute("ingredients", ingredients);
        model.addAttribute("ingredientNames", ingredients.stream().collect(java.util.stream.Collectors.toMap(
                IngredientStore.Ingredient::code, i -> i.data().name(LocaleContextHolder.getLocale()), (a, b) -> a)));
        model.addAttribute("templates", formulas.templates());
        model.addAttribute("knowledge", knowledge);
        return "formulary/library";
    }

    @GetMapping("/formulary/ingredients/{code}")
    String ingredient(@PathVariable String code, Model model) {
        model.addAttribute("ingredient", library.get(code));
        model.addAttribute("revisions", library.revisions(code));
        return "formulary/ingredient";
    }

    @GetMapping("/formulary/products")
    String products(Model model) {
        return showProducts(json.createObjectNode(), Map.of(), model);
    }

    @PostMapping("/formulary/products")
    String addProduct(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        FormDocument.keepRowsWith(form, "components", "code");
        Map<String, String> errors = pages.attempt(FormDocument.bind(form, json, validator, ProductStore.Input.class),
                catalogue::add);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "product.added");
            return "redirect:/formulary/products";
        }
        return showProducts(form, errors, model);
    }

    @GetMapping("/patients/{patientId}/formulas/new")
    String newFormula(@PathVariable long patientId, @RequestParam(required = false) Long template, Model model) {
        PatientView patient = patients.shownOnForm(patients.openPatient(patientId, Privilege.CLINICAL_WRITE));
        ObjectNode form = json.createObjectNode().put("modality", "MESOTHERAPY").put("technique", "NAPPAGE");
        if (template != null) {
            FormulaView chosen = formulas.template(template);
            form = json.valueToTree(chosen.input());
            String name = knowledge.templateName(chosen.code(), LocaleContextHolder.getLocale());
            form.put("templateId", template).put("name", name != null ? name : chosen.name());
        }
        return showFormula(patient, form, Map.of(), model);
    }

    @PostMapping("/patients/{patientId}/formulas/new")
    String prescribe(@PathVariable long patientId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        PatientView patient = patients.openPatient(patientId, Privilege.CLINICAL_WRITE);
        ObjectNode form = formulaForm(request);
        Long template = form.path("templateId").isMissingNode() ? null : form.path("templateId").asLong();
        String exclusionReason = form.path("exclusionReason").asString(null);
        PageForms.Submitted<Long> saved = pages.submit(FormDocument.bind(formulaOnly(form), json, validator,
                FormulaInput.class), input -> formulas.prescribe(patientId, template, input, exclusionReason)
                        .formula().id());
        if (saved.succeeded()) {
            redirect.addFlashAttribute("flash", "formula.saved");
            return "redirect:/patients/" + patientId + "/formulas/" + saved.value();
        }
        return showFormula(patient, form, saved.errors(), model);
    }

    /** The check as the practitioner writes: the findings for the formula on the form, nothing saved. */
    @PostMapping("/patients/{patientId}/formulas/check")
    String check(@PathVariable long patientId, HttpServletRequest request, Model model) {
        patients.readablePatient(patientId);
        ObjectNode form = formulaForm(request);
        FormDocument.Bound<FormulaInput> bound = FormDocument.bind(formulaOnly(form), json, validator,
                FormulaInput.class);
        model.addAttribute("patientId", patientId);
        if (bound.valid()) {
            try {
                model.addAttribute("check", formulas.check(patientId, bound.value(), LocalDate.now(clock)));
            }
            catch (BusinessRuleException e) {
                model.addAttribute("problem", pages.text(e));
            }
        }
        return "formulary/formula-form :: findings";
    }

    @GetMapping("/patients/{patientId}/formulas/{formulaId}")
    String formula(@PathVariable long patientId, @PathVariable long formulaId, Model model) {
        PatientView patient = patients.readablePatient(patientId);
        FormulaRecords.Checked checked = formulas.formula(patientId, formulaId);
        model.addAttribute("patient", patient);
        model.addAttribute("formula", checked.formula());
        model.addAttribute("check", checked.check());
        model.addAttribute("names", names());
        model.addAttribute("canVoid", !checked.formula().voided() && !patient.voided()
                && access.can(Privilege.CLINICAL_WRITE, patient.clinicId()));
        return "formulary/formula";
    }

    @PostMapping("/patients/{patientId}/formulas/{formulaId}/void")
    String voidFormula(@PathVariable long patientId, @PathVariable long formulaId,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            formulas.voidFormula(patientId, formulaId, reason);
            redirect.addFlashAttribute("flash", "formula.voided");
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/patients/" + patientId + "/formulas/" + formulaId;
    }

    private ObjectNode formulaForm(HttpServletRequest request) {
        ObjectNode form = FormDocument.read(request.getParameterMap(), json, name -> false);
        FormDocument.keepRowsWith(form, "ingredients", "code");
        return form;
    }

    private ObjectNode formulaOnly(ObjectNode form) {
        ObjectNode copy = form.deepCopy();
        copy.remove("templateId");
        copy.remove("exclusionReason");
        return copy;
    }

    private String showFormula(PatientView patient, ObjectNode form, Map<String, String> errors, Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("ingredients", library.list());
        model.addAttribute("templates", formulas.templates());
        model.addAttribute("knowledge", knowledge);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, ROWS).boxed().toList());
        model.addAttribute("indications", Indication.values());
        model.addAttribute("modalities", Modality.values());
        model.addAttribute("techniques", Technique.values());
        return "formulary/formula-form";
    }

    private String showProducts(ObjectNode form, Map<String, String> errors, Model model) {
        model.addAttribute("products", catalogue.list());
        model.addAttribute("ingredients", library.list());
        model.addAttribute("forms", ProductStore.Form.values());
        model.addAttribute("purposes", ProductStore.Purpose.values());
        model.addAttribute("canManage", !access.clinicsWith(Privilege.STOCK_MANAGE).isEmpty());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "formulary/products";
    }

    private Map<String, String> names() {
        Map<String, String> names = new java.util.HashMap<>();
        library.list().forEach(i -> names.put(i.code(), i.data().name(LocaleContextHolder.getLocale())));
        return names;
    }
}
