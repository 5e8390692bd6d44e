package org.follicle.outcomes.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cohort CSV's cells: quoted when RFC 4180 needs it, and never run by a spreadsheet as a formula. */
class CohortCsvTests {

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(CohortCsv.quote("Meso, biotin")).isEqualTo("\"Meso, biotin\"");
        assertThat(CohortCsv.quote("the \"strong\" one")).isEqualTo("\"the \"\"strong\"\" one\"");
        assertThat(CohortCsv.quote("two\n\nlines")).isEqualTo("\"two\n\nlines\"");
        assertThat(CohortCsv.quote("Mesotherapy")).isEqualTo("Mesotherapy");
    }

    @Test
    void aNameThatLooksLikeAFormulaStaysText() {
        assertThat(CohortCsv.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CohortCsv.quote("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        // Negative figures are numbers, not formulas.
        assertThat(CohortCsv.quote("-12.5")).isEqualTo("-12.5");
    }
}
