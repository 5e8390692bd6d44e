package org.follicle.diagnosis.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrendsTests {

    @Test
    void measuresTheChangeFromBaselineToLatestPerSite() {
        List<AssessmentView> assessments = List.of(
                assessment(2, LocalDate.of(2026, 8, 1), site("VERTEX", "150.0", "55.0")),
                assessment(1, LocalDate.of(2026, 2, 1), site("VERTEX", "120.0", "50.0"), site("OCCIPITAL", "200.0", null)),
                assessment(3, LocalDate.of(2026, 11, 1), site("VERTEX", "162.0", null)));
        List<Trends.SiteTrend> trends = Trends.of(assessments, List.of("FRONTAL", "VERTEX", "OCCIPITAL"));
        assertThat(trends).extracting(Trends.SiteTrend::site).containsExactly("VERTEX", "OCCIPITAL");
        Trends.SiteTrend vertex = trends.get(0);
        assertThat(vertex.points()).extracting(Trends.Point::date).containsExactly(LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 8, 1), LocalDate.of(2026, 11, 1));
        // 120 -> 162: +42 hairs/cm², +35.0 %.
        assertThat(vertex.density().delta()).isEqualByComparingTo("42.0");
        assertThat(vertex.density().percent()).isEqualByComparingTo("35.0");
        // Diameter measured twice only: 50 -> 55 µm, +10.0 %, up to August.
        assertThat(vertex.diameter().percent()).isEqualByComparingTo("10.0");
        assertThat(vertex.diameter().latestDate()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(trends.get(1).density()).as("one measure, no change yet").isNull();
    }

    private static AssessmentView assessment(long id, LocalDate on, AssessmentView.SiteView... sites) {
        return new AssessmentView(id, 1, on, "x", null, null, 40, List.of(sites), null, null, null, null, null, null,
                null, null, null, null, null, null, null, false, null);
    }

    private static AssessmentView.SiteView site(String site, String density, String diameter) {
        return new AssessmentView.SiteView(site, 0, BigDecimal.ONE, new BigDecimal(density), null, null, null,
                diameter == null ? null : new BigDecimal(diameter), null, null, null, null, null, List.of());
    }
}
