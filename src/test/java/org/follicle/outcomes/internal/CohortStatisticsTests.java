package org.follicle.outcomes.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Cohort figures against hand-computed values (worked with a calculator, to four decimals). */
class CohortStatisticsTests {

    @Test
    void wilsonIntervalOfSevenRespondersInTen() {
        // p = 0.7, z² = 3.8415: centre = (0.7 + 0.19207) / 1.38415 = 0.64448,
        // half = 1.95996 × √(0.021 + 0.0096037) / 1.38415 = 0.24772.
        CohortStatistics.Proportion p = CohortStatistics.proportion(7, 10);
        assertThat(p.share()).isEqualTo(0.7);
        assertThat(p.low()).isCloseTo(0.3968, within(1e-4));
        assertThat(p.high()).isCloseTo(0.8922, within(1e-4));
        assertThat(p.conclusive()).isTrue();
    }

    @Test
    void wilsonIntervalStaysWithinZeroAndOneAtTheEdges() {
        // 0 of 20: low 0, high = z²/n / (1 + z²/n) = 0.19207 / 1.19207 = 0.1611.
        CohortStatistics.Proportion none = CohortStatistics.proportion(0, 20);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(0.1611, within(1e-4));
        CohortStatistics.Proportion all = CohortStatistics.proportion(20, 20);
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(0.8389, within(1e-4));
    }

    @Test
    void aGroupOfFourIsTooSmallToConclude() {
        assertThat(CohortStatistics.proportion(3, 4).conclusive()).isFalse();
        assertThat(CohortStatistics.mean(List.of(1.0, 2.0, 3.0, 4.0)).conclusive()).isFalse();
    }

    @Test
    void meanDensityChangeWithItsStudentInterval() {
        // Changes of 10, 12, 8, 14, 6 hairs/cm²: mean 10, variance 40/4 = 10, sd 3.1623; t(4; 0.975) = 2.7764;
        // half-width 2.7764 × 3.1623 / √5 = 3.9265.
        CohortStatistics.Mean m = CohortStatistics.mean(List.of(10.0, 12.0, 8.0, 14.0, 6.0));
        assertThat(m.mean()).isEqualTo(10.0);
        assertThat(m.standardDeviation()).isCloseTo(3.1623, within(1e-4));
        assertThat(m.low()).isCloseTo(6.0735, within(1e-4));
        assertThat(m.high()).isCloseTo(13.9265, within(1e-4));
    }

    @Test
    void theDatabaseAggregatesGiveTheSameInterval() {
        // The report reads n, avg and stddev_samp from PostgreSQL: the same 5 values, 10 and sqrt(10).
        CohortStatistics.Mean m = CohortStatistics.mean(5, 10.0, Math.sqrt(10));
        assertThat(m.low()).isCloseTo(6.0735, within(1e-4));
        assertThat(m.high()).isCloseTo(13.9265, within(1e-4));
        assertThat(m.conclusive()).isTrue();
    }

    @Test
    void aSingleValueHasAMeanButNoInterval() {
        CohortStatistics.Mean m = CohortStatistics.mean(List.of(5.0));
        assertThat(m.mean()).isEqualTo(5.0);
        assertThat(m.low()).isNull();
    }

    @Test
    void adverseEventsPerThousandSessions() {
        // 3 events in 1,250 sessions: 3 × 1000 / 1250 = 2.4.
        assertThat(CohortStatistics.per1000(3, 1250)).isEqualTo(2.4);
    }

    @Test
    void emptyGroupsAndImpossibleCountsAreRefused() {
        assertThatThrownBy(() -> CohortStatistics.proportion(0, 0)).hasMessageContaining("empty group");
        assertThatThrownBy(() -> CohortStatistics.proportion(6, 5)).hasMessageContaining("between 0 and 5");
        assertThatThrownBy(() -> CohortStatistics.mean(List.of())).hasMessageContaining("empty group");
        assertThatThrownBy(() -> CohortStatistics.per1000(1, 0)).hasMessageContaining("no sessions");
    }
}
