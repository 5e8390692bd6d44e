package org.follicle.sessions.internal;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a practitioner sends to start, chart and correct a session. */
final class SessionInputs {

    /** An intake answer: YES, NO or UNKNOWN. */
    static final String ANSWER = "YES|NO|UNKNOWN";

    private SessionInputs() {
    }

    /**
     * @param formulaId the patient's formula injected (chemical and combined mesotherapy)
     * @param overrideReason a practitioner's reason to treat despite the screening
     */
    record Start(@NotNull Long appointmentId, @NotNull SessionModality modality, Long formulaId,
            @NotNull @Valid Precheck precheck, @Size(max = 500) String overrideReason) {
    }

    /** What may have changed since the intake, asked again before each session. */
    /** @param pregnancy asked of every patient but men, as in the intake */
    record Precheck(@Pattern(regexp = "NO|YES|POSSIBLE|UNKNOWN") String pregnancy,
            @NotNull @Pattern(regexp = ANSWER) String fever, @NotNull @Valid Scalp scalpToday,
            @Size(max = 20) List<@NotNull @Valid Medicine> newMedicines) {
    }

    record Scalp(@NotNull @Pattern(regexp = ANSWER) String infection,
            @NotNull @Pattern(regexp = ANSWER) String inflammation, @NotNull @Pattern(regexp = ANSWER) String openWound,
            @NotNull @Pattern(regexp = ANSWER) String sunburn,
            @NotNull @Pattern(regexp = ANSWER) String psoriasisOrDermatitis) {
    }

    /**
     * A medicine taken since the last visit (aspirin and anti-inflammatories included), by its name; the intake
     * gives it its class from the medicine dictionary.
     */
    record Medicine(@Pattern(regexp = "ASPIRIN|NSAID|ANTICOAGULANT|ANTIPLATELET|SYSTEMIC_STEROID|CHEMOTHERAPY|"
            + "IMMUNOSUPPRESSANT|RETINOID|FIVE_ALPHA_REDUCTASE_INHIBITOR|MINOXIDIL|OTHER|UNKNOWN") String kind,
            @NotBlank @Size(max = 200) String name, @NotNull Boolean prescribed, java.time.LocalDate lastTaken) {
    }

    /** The chart: what was done, where, with what. Depth above 4 mm is charted with a warning. */
    record Chart(@NotNull Technique technique, @Size(max = 100) String injectorModel,
            @Min(1) @Max(2000) Integer injectionsPerMinute, @Min(18) @Max(34) Integer needleGauge,
            @DecimalMin("0.5") @DecimalMax("25") BigDecimal needleLengthMm,
            @DecimalMin(value = "0.1", message = "{session.depthRange}") @DecimalMax(value = "10", message = "{session.depthRange}") BigDecimal depthMm,
            @Valid Anaesthetic anaesthetic, @Size(max = 12) List<@NotNull @Valid Zone> zones,
            @Min(1) @Max(240) Integer durationMinutes, @Min(0) @Max(10) Integer pain,
            @Size(max = 500) String reactions, @Size(max = 20) List<@NotNull @Valid LotUse> lots, @Valid Prp prp,
            @Size(max = 20) List<@NotNull Long> photoIds) {
    }

    enum Technique {
        NAPPAGE, POINT_BY_POINT, INJECTOR_GUN, MICRONEEDLING
    }

    /**
     * @param areaCm2 the area it was applied to: a large area, or an occlusive dressing, raises the blood level of
     *        a local anaesthetic (a warning on the chart)
     */
    record Anaesthetic(@NotBlank @Size(max = 100) String product, @Min(1) @Max(1000) Integer areaCm2,
            @NotNull Boolean occluded) {
    }

    /** A zone of the scalp map with the injection points and the volume given there. */
    record Zone(@NotBlank @Size(max = 40) String zone, @NotNull @Min(0) @Max(2000) Integer points,
            @NotNull @DecimalMin(value = "0", message = "{session.volumeNegative}") @DecimalMax("20") BigDecimal volumeMl) {
    }

    record LotUse(@NotNull Long lotId, @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    /** PRP preparation: blood drawn, centrifuge protocol, activator, volume injected, platelets if measured. */
    record Prp(@DecimalMin("1") @DecimalMax("120") BigDecimal bloodMl, @Min(50) @Max(5000) Integer gForce,
            @Min(1) @Max(60) Integer minutes, @Min(1) @Max(3) Integer spins, @Size(max = 100) String activator,
            @DecimalMin("0.1") @DecimalMax("30") BigDecimal prpMl, @Min(1) @Max(10_000_000) Integer plateletsPerUl) {
    }

    record Addendum(@NotBlank @Size(max = 4000) String text, @NotBlank @Size(min = 5, max = 500) String reason) {
    }
}
