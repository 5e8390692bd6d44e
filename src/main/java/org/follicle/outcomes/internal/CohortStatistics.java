package org.follicle.outcomes.internal;

import java.util.List;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The figures of a cohort report with their 95% intervals. A group under {@link #MINIMUM_GROUP} patients gets its
 * counts but no conclusion: too small to say anything.
 */
final class CohortStatistics {

    /** Fewer patients than this and a group is shown as too small to conclude. */
    static final int MINIMUM_GROUP = 5;

    /** The two-sided 95% normal quantile, 1.959964. */
    static final double Z95 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

    private CohortStatistics() {
    }

    /**
     * The share of responders with its Wilson score interval, which stays within 0..1 and behaves with small
     * groups and shares near 0 or 1, unlike the normal approximation.
     */
    static Proportion proportion(int responders, int patients) {
        if (patients <= 0) {
            throw new IllegalArgumentException("an empty group has no proportion");
        }
        if (responders < 0 || responders > patients) {
            throw new IllegalArgumentException("responders must be between 0 and " + patients);
        }
        double p = (double) responders / patients;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / patients;
        double centre = (p + z2 / (2.0 * patients)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / patients + z2 / (4.0 * patients * patients)) / denominator;
        // At 0 (or all) responders the bound is exactly 0 (or 1); computing it would leave rounding noise.
        double low = responders == 0 ? 0 : Math.max(0, centre - half);
        double high = responders == patients ? 1 : Math.min(1, centre + half);
        return new Proportion(responders, patients, p, low, high, patients >= MINIMUM_GROUP);
    }

    /** The mean with its 95% interval from Student's t (n - 1 degrees of freedom). */
    static Mean mean(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            throw new IllegalArgumentException("an empty group has no mean");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double sumSquares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return mean(n, mean, n == 1 ? Double.NaN : Math.sqrt(sumSquares / (n - 1)));
    }

    /**
     * The same from a count, a mean and a sample standard deviation, as the database aggregates them
     * ({@code avg}, {@code stddev_samp}), so a cohort's values never leave PostgreSQL.
     */
    static Mean mean(int n, double mean, double standardDeviation) {
        if (n <= 0) {
            throw new IllegalArgumentException("an empty group has no mean");
        }
        if (n == 1) {
            return new Mean(n, mean, null, null, null, false);
        }
        double half = TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * standardDeviation
                / Math.sqrt(n);
        return new Mean(n, mean, standardDeviation, mean - half, mean + half, n >= MINIMUM_GROUP);
    }

    /** Events per 1,000 sessions. */
    static double per1000(long events, long sessions) {
        if (sessions <= 0) {
            throw new IllegalArgumentException("no sessions to count events against");
        }
        return events * 1000.0 / sessions;
    }

    /** A share with its 95% Wilson interval; {@code conclusive} is false for a group too small to conclude. */
    record Proportion(int count, int total, double share, double low, double high, boolean conclusive) {
    }

    /** A mean with its standard deviation and 95% interval ({@code null} for a single value). */
    record Mean(int count, double mean, Double standardDeviation, Double low, Double high, boolean conclusive) {
    }
}
