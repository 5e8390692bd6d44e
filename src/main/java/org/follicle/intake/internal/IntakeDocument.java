package org.follicle.intake.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The intake questionnaire's answers, as the API takes them and the database keeps them (JSON). The paths of
 * knowledge/intake-questionnaire.json name these fields; a test keeps the two in step.
 */
@Schema(description = "Answers to the intake questionnaire. Every safety question is answered YES, NO or UNKNOWN "
        + "(pregnancy: NO, YES, POSSIBLE, UNKNOWN); UNKNOWN sends the patient to the physician.")
record IntakeDocument(@NotNull @Valid MedicalHistory medicalHistory, @Size(max = 50) List<@NotNull @Valid Medication> medications,
        @NotNull @Valid Allergies allergies, @NotNull @Valid ScalpToday scalpToday, @Valid HairHistory hairHistory) {

    enum Answer {
        YES, NO, UNKNOWN
    }

    enum PregnancyAnswer {
        NO, YES, POSSIBLE, UNKNOWN
    }

    /**
     * A medicine's class as the screening reads it, from the medicine dictionary: OTHER is a medicine the dictionary
     * knows and no rule concerns; UNKNOWN a name it does not know, which the physician checks.
     */
    enum MedicationKind {
        ASPIRIN, NSAID, ANTICOAGULANT, ANTIPLATELET, SYSTEMIC_STEROID, CHEMOTHERAPY, IMMUNOSUPPRESSANT, RETINOID,
        FIVE_ALPHA_REDUCTASE_INHIBITOR, MINOXIDIL, OTHER, UNKNOWN
    }

    enum HairPattern {
        RECEDING_HAIRLINE, CROWN, DIFFUSE_THINNING, WIDENING_PART, PATCHES, SHEDDING, OTHER
    }

    enum Trigger {
        POSTPARTUM, SEASONAL, STRESS, ILLNESS, MEDICATION, DIET, NONE_KNOWN
    }

    enum PreviousTreatment {
        MINOXIDIL, FINASTERIDE, DUTASTERIDE, PRP, MESOTHERAPY, TRANSPLANT, OTHER
    }

    record MedicalHistory(PregnancyAnswer pregnancy, Answer breastfeeding, Answer childbearingPotential,
            Answer contraception, Answer autoimmuneDisease, Answer diabetes,
            Answer insulin, Answer heartDisease, Answer kidneyFailure, Answer liverFailure, Answer bleedingDisorder,
            Answer plateletDisorder, Answer cancer, Answer currentChemotherapy, Answer immunosuppression,
            Answer keloidTendency, Answer phaeochromocytoma, Answer recentFever, Answer septicaemia,
            Answer recentScalpSteroidInjection, Answer tobacco, Answer takesMedicines,
            @Schema(description = "g/dL") @DecimalMin("1") @DecimalMax("25") BigDecimal haemoglobin,
            @Schema(description = "per µL") @Min(1000) @Max(2000000) Integer platelets) {
    }

    /**
     * A medicine the patient takes or took, by its name as typed; for aspirin and NSAIDs the date last taken sets the
     * wash-out. Its class ({@code kind}) and dictionary {@code code} are set from the medicine dictionary when saved;
     * a kind given for a name the dictionary does not know is kept only when it names a class the rules read.
     */
    record Medication(MedicationKind kind, @Size(max = 40) String code, @Size(max = 200) String name,
            @NotNull Boolean prescribed, @PastOrPresent LocalDate lastTaken) {
    }

    record Allergies(Answer localAnaesthetics, Answer methylxanthines, Answer minoxidil,
            Answer fiveAlphaReductaseInhibitors, Answer hyaluronicAcid, @Size(max = 500) String otherIngredients) {
    }

    record ScalpToday(Answer infection, Answer inflammation, Answer openWound, Answer sunburn,
            Answer psoriasisOrDermatitis) {
    }

    record HairHistory(@Size(max = 100) String onset, HairPattern pattern, @Size(max = 10) List<Trigger> triggers,
            Answer familyHistory, @Size(max = 10) List<PreviousTreatment> previousTreatments,
            @Size(max = 1000) String previousTreatmentDetails) {
    }
}
