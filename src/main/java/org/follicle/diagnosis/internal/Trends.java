package org.follicle.diagnosis.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Density and diameter per site over time, with the change from the first assessment (the baseline) to the
 * latest, in units and percent: the measured trajectory a practitioner shows the patient.
 */
final class Trends {

    private Trends() {
    }

    /** The trend of every site measured at least once, in the order of the given sites. */
    static List<SiteTrend> of(List<AssessmentView> assessments, List<String> siteOrder) {
        Map<String, List<Point>> bySite = new LinkedHashMap<>();
        siteOrder.forEach(site -> bySite.put(site, new ArrayList<>()));
        assessments.stream().filter(a -> !a.voided()).sorted(Comparator.comparing(AssessmentView::assessedOn)
                .thenComparing(AssessmentView::id)).forEach(a -> a.sites().forEach(s -> bySite
                        .computeIfAbsent(s.site(), k -> new ArrayList<>())
                        .add(new Point(a.assessedOn(), s.density(), s.meanDiameterUm()))));
        List<SiteTrend> trends = new ArrayList<>();
        bySite.forEach((site, points) -> {
            if (!points.isEmpty()) {
                trends.add(new SiteTrend(site, List.copyOf(points), change(points, Point::density),
                        change(points, Point::diameter)));
            }
        });
        return trends;
    }

    private static Change change(List<Point> points, java.util.function.Function<Point, BigDecimal> measure) {
        List<Point> measured = points.stream().filter(p -> measure.apply(p) != null).toList();
        if (measured.size() < 2) {
            return null;
        }
        BigDecimal first = measure.apply(measured.get(0));
        BigDecimal last = measure.apply(measured.get(measured.size() - 1));
        BigDecimal delta = last.subtract(first);
        BigDecimal percent = first.signum() == 0 ? null
                : delta.multiply(BigDecimal.valueOf(100)).divide(first, 1, RoundingMode.HALF_UP);
        return new Change(measured.get(0).date(), first, measured.get(measured.size() - 1).date(), last, delta,
                percent);
    }

    record Point(LocalDate date, BigDecimal density, BigDecimal diameter) {
    }

    /** From the baseline to the latest measure; {@code percent} is null when the baseline is zero. */
    record Change(LocalDate baselineDate, BigDecimal baseline, LocalDate latestDate, BigDecimal latest,
            BigDecimal delta, BigDecimal percent) {
    }

    record SiteTrend(String site, List<Point> points, Change density, Change diameter) {
    }
}
