package org.follicle.diagnosis.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** A trichoscopic assessment as the examiner records it (API body and page form). */
record AssessmentInput(@NotNull @PastOrPresent LocalDate assessedOn, @Size(max = 100) String device,
        @Min(1) @Max(1000) Integer magnification, @NotNull Integer vellusCutoffUm,
        @Size(max = 20) List<@NotNull @Valid Site> sites, @Valid PullTest pullTest,
        @Min(0) @Max(1000) Integer combCount, @Min(0) @Max(5000) Integer washCount,
        @Min(1) @Max(6) Integer sinclairShedding, Scales.Norwood norwood, Scales.Ludwig ludwig, Scales.Savin savin,
        @Min(1) @Max(5) Integer sinclairPart, @Valid Salt salt, @Size(max = 2000) String notes) {

    /** One measured site: a fixed field of the trichoscope (knowledge base 3, phototrichogram). */
    record Site(@NotBlank String site, @NotNull @Min(0) @Max(5000) Integer hairs,
            @NotNull @DecimalMin(value = "0.01") @DecimalMax("10") BigDecimal areaCm2, @Min(0) Integer terminal,
            @Min(0) Integer vellus, @DecimalMin("1") @DecimalMax("300") BigDecimal meanDiameterUm,
            @DecimalMin("0") @DecimalMax("100") BigDecimal anagenPercent,
            @DecimalMin("0") @DecimalMax("100") BigDecimal telogenPercent,
            @DecimalMin("1") @DecimalMax("5") BigDecimal hairsPerFollicularUnit, @Min(0) Integer emptyFollicles,
            @Size(max = 10) List<Scales.Sign> signs) {
    }

    /** Hairs grasped and hairs that came out (40 to 60 grasped, [59]). */
    record PullTest(@NotNull @Min(1) @Max(200) Integer grasped, @NotNull @Min(0) @Max(200) Integer out) {
    }

    /** Percent of hair lost in each region, for the SALT score. */
    record Salt(@NotNull @Min(0) @Max(100) Integer left, @NotNull @Min(0) @Max(100) Integer right,
            @NotNull @Min(0) @Max(100) Integer top, @NotNull @Min(0) @Max(100) Integer back) {
    }
}
