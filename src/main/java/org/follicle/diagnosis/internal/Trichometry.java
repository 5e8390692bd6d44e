package org.follicle.diagnosis.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The numbers derived from what the examiner counts (knowledge base 3). Plain arithmetic, kept in one place so
 * that pages, the API and trends agree.
 */
final class Trichometry {

    /** Above this a shaft diameter is possible but rare enough to ask the examiner to check (µm). */
    static final int DIAMETER_WARNING_UM = 150;

    private Trichometry() {
    }

    /** Hairs per cm². */
    static BigDecimal density(int hairs, BigDecimal areaCm2) {
        return BigDecimal.valueOf(hairs).divide(areaCm2, 1, RoundingMode.HALF_UP);
    }

    /**
     * Cumulative hair thickness: the summed diameters of the hairs in one cm², in mm/cm² (density × mean
     * diameter). It falls with both fewer and thinner hairs, which density alone misses.
     */
    static BigDecimal cumulativeThickness(int hairs, BigDecimal areaCm2, BigDecimal meanDiameterUm) {
        return BigDecimal.valueOf(hairs).multiply(meanDiameterUm)
                .divide(areaCm2.multiply(BigDecimal.valueOf(1000)), 2, RoundingMode.HALF_UP);
    }

    /** Share of terminal hairs among those classified, in percent. */
    static BigDecimal terminalPercent(int terminal, int vellus) {
        int classified = terminal + vellus;
        return classified == 0 ? null
                : BigDecimal.valueOf(terminal * 100L).divide(BigDecimal.valueOf(classified), 1, RoundingMode.HALF_UP);
    }

    /** Pull test: positive when more than 10 % of the hairs grasped come out (knowledge base 3, [59]). */
    static boolean pullTestPositive(int grasped, int out) {
        return out * 10 > grasped;
    }

    /**
     * SALT score for alopecia areata: percent loss in each region weighted by its share of the scalp (left and
     * right sides 18 % each, top 40 %, back 24 %), 0 to 100 (knowledge base 3, [69]).
     */
    static BigDecimal salt(int leftPercent, int rightPercent, int topPercent, int backPercent) {
        return BigDecimal.valueOf(18L * leftPercent + 18L * rightPercent + 40L * topPercent + 24L * backPercent)
                .divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP);
    }

    /** SALT band: none, mild 1-20, moderate 21-49, severe 50-94, very severe 95-100. */
    static String saltBand(BigDecimal salt) {
        double s = salt.doubleValue();
        if (s == 0) {
            return "NONE";
        }
        if (s <= 20) {
            return "MILD";
        }
        if (s < 50) {
            return "MODERATE";
        }
        return s < 95 ? "SEVERE" : "VERY_SEVERE";
    }
}
