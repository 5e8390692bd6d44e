package org.follicle.diagnosis.internal;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The derived measures against examples worked by hand. */
class TrichometryTests {

    @Test
    void densityIsHairsPerSquareCentimetre() {
        // 42 hairs in a 0.25 cm² field: 42 / 0.25 = 168 hairs/cm².
        assertThat(Trichometry.density(42, new BigDecimal("0.25"))).isEqualByComparingTo("168.0");
        // 37 hairs in 0.3 cm²: 123.33... -> 123.3
        assertThat(Trichometry.density(37, new BigDecimal("0.3"))).isEqualByComparingTo("123.3");
    }

    @Test
    void cumulativeThicknessIsDensityTimesMeanDiameterInMillimetres() {
        // 168 hairs/cm² × 60 µm = 10,080 µm = 10.08 mm per cm².
        assertThat(Trichometry.cumulativeThickness(42, new BigDecimal("0.25"), new BigDecimal("60")))
                .isEqualByComparingTo("10.08");
    }

    @Test
    void terminalShareCountsOnlyClassifiedHairs() {
        assertThat(Trichometry.terminalPercent(30, 10)).isEqualByComparingTo("75.0");
        assertThat(Trichometry.terminalPercent(0, 0)).isNull();
    }

    @Test
    void pullTestIsPositiveAboveTenPercent() {
        assertThat(Trichometry.pullTestPositive(50, 5)).isFalse();
        assertThat(Trichometry.pullTestPositive(50, 6)).isTrue();
        assertThat(Trichometry.pullTestPositive(60, 6)).isFalse();
    }

    @Test
    void saltWeighsTheFourRegions() {
        // 50 % left (9) + 20 % right (3.6) + 10 % top (4) + 0 % back = 16.6 -> mild.
        BigDecimal salt = Trichometry.salt(50, 20, 10, 0);
        assertThat(salt).isEqualByComparingTo("16.6");
        assertThat(Trichometry.saltBand(salt)).isEqualTo("MILD");
        assertThat(Trichometry.salt(100, 100, 100, 100)).isEqualByComparingTo("100.0");
        assertThat(Trichometry.saltBand(Trichometry.salt(100, 100, 100, 100))).isEqualTo("VERY_SEVERE");
        assertThat(Trichometry.saltBand(Trichometry.salt(0, 0, 50, 50))).isEqualTo("MODERATE");
        assertThat(Trichometry.saltBand(Trichometry.salt(100, 100, 50, 50))).isEqualTo("SEVERE");
        assertThat(Trichometry.saltBand(BigDecimal.ZERO)).isEqualTo("NONE");
    }
}
