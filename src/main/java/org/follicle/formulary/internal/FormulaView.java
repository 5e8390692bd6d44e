package org.follicle.formulary.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.follicle.intake.Modality;

/**
 * A formula: a template (no patient; shipped when it has no organisation) or a patient's formula.
 *
 * @param code the shipped template's code, or {@code null}
 * @param templateId the template a patient's formula was derived from, or {@code null} when built freely
 * @param exclusionReason the practitioner's reason to write it although the screening excluded it, or {@code null}
 */
record FormulaView(long id, Long organisationId, Long clinicId, Long patientId, String code, Long templateId,
        String name, Indication indication, Modality modality, BigDecimal volumeMl, Technique technique, String notes,
        String source, boolean voided, String voidReason, Instant createdAt, String createdBy,
        String exclusionReason, List<FormulaInput.Component> ingredients) {

    FormulaView withIngredients(List<FormulaInput.Component> components) {
        return new FormulaView(id, organisationId, clinicId, patientId, code, templateId, name, indication, modality,
                volumeMl, technique, notes, source, voided, voidReason, createdAt, createdBy, exclusionReason,
                components);
    }

    boolean template() {
        return patientId == null;
    }

    List<String> codes() {
        return ingredients.stream().map(FormulaInput.Component::code).toList();
    }

    FormulaInput input() {
        return new FormulaInput(name, indication, modality, volumeMl, technique, notes, ingredients);
    }
}
