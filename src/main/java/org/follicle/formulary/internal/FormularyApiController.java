package org.follicle.formulary.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.follicle.system.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** The ingredient library, formula templates and patients' formulas on the JSON API. */
@RestController
@Tag(name = "Formulary")
class FormularyApiController {

    private final IngredientLibrary library;

    private final FormulaRecords formulas;

    FormularyApiController(IngredientLibrary library, FormulaRecords formulas) {
        this.library = library;
        this.formulas = formulas;
    }

    @GetMapping("/api/v1/ingredients")
    @Operation(summary = "The organisation's ingredient library: shipped ingredients and its own, by code")
    List<IngredientJson> ingredients() {
        return library.list().stream().map(IngredientJson::of).toList();
    }

    @GetMapping("/api/v1/ingredients/{code}")
    @Operation(summary = "One ingredient with its rules, regulatory alerts and sources; its ETag goes in If-Match")
    ResponseEntity<IngredientJson> ingredient(@PathVariable String code) {
        IngredientStore.Ingredient i = library.get(code);
        return ResponseEntity.ok().eTag(ETags.of(i.version())).body(IngredientJson.of(i));
    }

    @PostMapping("/api/v1/ingredients")
    @Operation(summary = "Add an ingredient (clinic managers), with the reason; its rules use the screening format")
    ResponseEntity<IngredientJson> addIngredient(@Valid @RequestBody IngredientChange body) {
        IngredientStore.Ingredient i = library.add(body.ingredient(), body.reason());
        return ResponseEntity.created(URI.create("/api/v1/ingredients/" + i.code())).eTag(ETags.of(i.version()))
                .body(IngredientJson.of(i));
    }

    @PutMapping("/api/v1/ingredients/{code}")
    @Operation(summary = "Change an ingredient (clinic managers; If-Match required), with the reason. A shipped "
            + "ingredient becomes the organisation's own version")
    ResponseEntity<IngredientJson> editIngredient(@PathVariable String code,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody IngredientChange body) {
        IngredientStore.Ingredient i = library.edit(code, ETags.requireVersion(ifMatch, IngredientLibrary.INGREDIENT, code),
                body.ingredient(), body.reason());
        return ResponseEntity.ok().eTag(ETags.of(i.version())).body(IngredientJson.of(i));
    }

    @GetMapping("/api/v1/ingredients/{code}/revisions")
    @Operation(summary = "Every version of an ingredient, newest first, with who changed it and why")
    List<IngredientStore.Revision> revisions(@PathVariable String code) {
        return library.revisions(code);
    }

    @GetMapping("/api/v1/formulas")
    @Operation(summary = "Cocktail templates: shipped ones and the organisation's own")
    List<FormulaView> templates() {
        return formulas.templates();
    }

    @GetMapping("/api/v1/formulas/{formulaId}")
    @Operation(summary = "One template")
    FormulaView template(@PathVariable long formulaId) {
        return formulas.template(formulaId);
    }

    @PostMapping("/api/v1/formulas")
    @Operation(summary = "Add a template for the organisation (practitioners)")
    ResponseEntity<FormulaView> addTemplate(@Valid @RequestBody FormulaInput body) {
        FormulaView f = formulas.addTemplate(body);
        return ResponseEntity.created(URI.create("/api/v1/formulas/" + f.id())).body(f);
    }

    @PostMapping("/api/v1/patients/{patientId}/formulas/check")
    @Operation(summary = "Check a formula against a patient without saving it: the screening with the ingredients' "
            + "rules (each finding names its ingredient) and the regulatory alerts")
    FormulaCheck check(@PathVariable long patientId, @Valid @RequestBody CheckRequest body) {
        return formulas.check(patientId, body.formula(), body.sessionDate());
    }

    @PostMapping("/api/v1/patients/{patientId}/formulas")
    @Operation(summary = "Write a patient's formula, from a template (templateId) or freely; returns it checked. A "
            + "formula the screening excludes for the patient needs exclusionReason (audited as an override)")
    ResponseEntity<FormulaRecords.Checked> prescribe(@PathVariable long patientId,
            @Valid @RequestBody PrescriptionRequest body) {
        FormulaRecords.Checked checked = formulas.prescribe(patientId, body.templateId(), body.formula(),
                body.exclusionReason());
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/formulas/"
                + checked.formula().id())).body(checked);
    }

    @GetMapping("/api/v1/patients/{patientId}/formulas")
    @Operation(summary = "The patient's formulas, current first, voided ones last")
    List<FormulaView> patientFormulas(@PathVariable long patientId) {
        return formulas.ofPatient(patientId);
    }

    @GetMapping("/api/v1/patients/{patientId}/formulas/{formulaId}")
    @Operation(summary = "One of the patient's formulas, checked against the patient today")
    FormulaRecords.Checked patientFormula(@PathVariable long patientId, @PathVariable long formulaId) {
        return formulas.formula(patientId, formulaId);
    }

    @PostMapping("/api/v1/patients/{patientId}/formulas/{formulaId}/void")
    @Operation(summary = "Void a patient's formula (replaced or written by mistake), with a reason; it is kept")
    FormulaView voidFormula(@PathVariable long patientId, @PathVariable long formulaId,
            @Valid @RequestBody VoidRequest body) {
        return formulas.voidFormula(patientId, formulaId, body.reason());
    }

    record IngredientChange(@NotNull @Valid IngredientData ingredient, @NotBlank @Size(max = 500) String reason) {
    }

    record CheckRequest(@NotNull @Valid FormulaInput formula, LocalDate sessionDate) {
    }

    /** @param exclusionReason the practitioner's reason to write a formula the screening excludes for the patient */
    record PrescriptionRequest(Long templateId, @NotNull @Valid FormulaInput formula,
            @Size(max = 500) String exclusionReason) {
    }

    record VoidRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record IngredientJson(String code, String name, List<String> synonyms, IngredientClass ingredientClass,
            List<String> atcCodes, IngredientData.Concentration usualConcentration, JsonNode rules,
            List<IngredientData.RegulatoryAlert> regulatory, List<String> sources, int version, boolean shipped,
            Instant changedAt, String changedBy) {

        static IngredientJson of(IngredientStore.Ingredient i) {
            IngredientData d = i.data();
            return new IngredientJson(i.code(), d.name(), d.synonyms(), d.ingredientClass(), d.atcCodes(),
                    d.usualConcentration(), d.rules(), d.regulatory(), d.sources(), i.version(), i.shipped(),
                    i.changedAt(), i.changedBy());
        }
    }
}
