package org.follicle.formulary;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Lots drawn up or mixed in a clinic, and given to one or more patients (a multi-dose preparation serves several).
 *
 * @param requestKey the caller's key for this request: sending it again (a double click, a retry) returns the
 *        preparation already recorded instead of using stock twice
 * @param recipients who received it, each with the caller's reference of the session, if any
 */
public record PreparationRequest(@NotNull Long clinicId, Long formulaId,
        @NotNull @Size(min = 8, max = 80) String requestKey,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull LotQuantity> lots,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Recipient> recipients) {

    /** How many units (vials, ampoules, kits) of a lot were used. */
    public record LotQuantity(@NotNull Long lotId, @NotNull @Positive(message = "{stock.quantityPositive}") Integer quantity) {
    }

    public record Recipient(@NotNull Long patientId, @Size(max = 80) String sessionRef) {
    }
}
