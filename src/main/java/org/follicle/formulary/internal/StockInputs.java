package org.follicle.formulary.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What staff enter to move stock. */
final class StockInputs {

    private StockInputs() {
    }

    /** A delivery of a new lot into a clinic. */
    record Receipt(@NotNull Long clinicId, @NotNull Long productId, @NotBlank @Size(max = 60) String lotNumber,
            @NotNull LocalDate expiry,
            @NotNull @Positive(message = "{stock.quantityPositive}") Integer quantity,
            @Size(max = 100) String supplierReference) {
    }

    /** More units of a lot already received. */
    record MoreOfLot(@NotNull Long clinicId, @NotNull @Positive(message = "{stock.quantityPositive}") Integer quantity,
            @Size(max = 100) String supplierReference) {
    }

    /**
     * A movement other than a receipt or a use in a session: a sale, waste, a count adjustment (signed) or a
     * transfer to another clinic of the organisation.
     */
    record Movement(@NotNull Long clinicId, @NotNull Long lotId, @NotNull Kind kind, @NotNull Integer quantity,
            @Size(max = 500) String reason, Long toClinicId) {
    }

    enum Kind {
        SOLD, WASTED, ADJUSTED, TRANSFER
    }
}
