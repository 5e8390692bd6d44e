package org.follicle.outcomes.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Which courses a cohort report takes, how it splits them and who counts as a responder. Every filter is optional;
 * without a clinic the report covers every clinic whose reports the user may read.
 *
 * @param from courses that started on or after this day
 * @param to courses that started on or before this day
 * @param months the milestone the responders are judged at (6: the 6-month review)
 * @param threshold percent of density change for {@link Responder#DENSITY}, a score for {@link Responder#PHOTO}
 */
record CohortQuery(Long clinicId, String protocol, Long formulaId, String diagnosis, Sex sex, AgeBand ageBand,
        String stage, Long practitionerId, LocalDate from, LocalDate to, Dimension compareBy, Responder responder,
        Integer months, BigDecimal threshold) {

    static final int DEFAULT_MONTHS = 6;

    CohortQuery {
        compareBy = compareBy == null ? Dimension.TREATMENT : compareBy;
        responder = responder == null ? Responder.DENSITY : responder;
        threshold = threshold == null ? responder.defaultThreshold : threshold;
        months = months == null ? DEFAULT_MONTHS : months;
    }

    /** The same courses, split and judged as by default: only the filters of this query. */
    CohortQuery cohort() {
        return new CohortQuery(clinicId, protocol, formulaId, diagnosis, sex, ageBand, stage, practitionerId, from, to,
                null, null, null, null);
    }

    /** The patient's sex as the patient record has it. */
    enum Sex {
        FEMALE, MALE, OTHER, UNKNOWN
    }

    /** Age at the start of the course, in bands. */
    enum AgeBand {
        UNDER_30(0, 29), FROM_30_TO_39(30, 39), FROM_40_TO_49(40, 49), FROM_50_TO_59(50, 59), FROM_60(60, 200);

        final int min;

        final int max;

        AgeBand(int min, int max) {
            this.min = min;
            this.max = max;
        }
    }

    /** What the report sets side by side; each maps to a column expression of the course facts (V15), grouped by. */
    enum Dimension {
        TREATMENT("c.treatment"), PROTOCOL("c.protocol_code"), FORMULA("c.formula_id"),
        PRACTITIONER("c.practitioner_id"), CLINIC("c.clinic_id"), SEX("c.sex"),
        AGE_BAND("CASE WHEN c.age < 30 THEN 'UNDER_30' WHEN c.age < 40 THEN 'FROM_30_TO_39' "
                + "WHEN c.age < 50 THEN 'FROM_40_TO_49' WHEN c.age < 60 THEN 'FROM_50_TO_59' ELSE 'FROM_60' END"),
        DIAGNOSIS("c.diagnosis"), STAGE("c.stage");

        final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /** Who counts as a responder at the milestone. */
    enum Responder {
        /** Density up by at least the threshold, in percent of the baseline, averaged over the sites. */
        DENSITY(BigDecimal.TEN, new BigDecimal("-100"), new BigDecimal("1000"), "m.density_change_percent"),
        /** A global photographic assessment of at least the threshold (-3..+3). */
        PHOTO(BigDecimal.ONE, new BigDecimal("-3"), new BigDecimal("3"), "m.global_score");

        final BigDecimal defaultThreshold;

        final BigDecimal min;

        final BigDecimal max;

        final String column;

        Responder(BigDecimal defaultThreshold, BigDecimal min, BigDecimal max, String column) {
            this.defaultThreshold = defaultThreshold;
            this.min = min;
            this.max = max;
            this.column = column;
        }
    }
}
