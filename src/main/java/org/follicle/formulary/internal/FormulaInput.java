package org.follicle.formulary.internal;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.follicle.intake.Modality;

/**
 * A formula as written: its ingredients with concentrations, the volume injected per session and the suggested
 * technique. A concentration may be left out when the product supplies the ingredient ready to use.
 */
record FormulaInput(@NotBlank @Size(max = 200) String name, @NotNull Indication indication,
        @NotNull Modality modality,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "{formula.volumePositive}") @DecimalMax("20") BigDecimal volumeMl,
        @NotNull Technique technique, @Size(max = 2000) String notes,
        @NotEmpty(message = "{formula.ingredientsRequired}") @Size(max = 20) List<@Valid @NotNull Component> ingredients) {

    record Component(@NotBlank @Size(max = 40) String code, @Positive BigDecimal concentration,
            @Size(max = 10) String unit) {
    }

    List<String> codes() {
        return ingredients.stream().map(Component::code).toList();
    }
}
