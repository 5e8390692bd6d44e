package org.follicle.diagnosis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One scalp site's measures over time, and the density's change from the first measure to the latest
 * ({@code null} fields until a site has been measured twice).
 */
public record SiteProgress(String site, List<Measure> measures, LocalDate baselineDate, BigDecimal baselineDensity,
        LocalDate latestDate, BigDecimal latestDensity, BigDecimal densityChange, BigDecimal densityChangePercent) {

    /** Density in hairs/cm² and mean diameter in µm on a day. */
    public record Measure(LocalDate date, BigDecimal density, BigDecimal diameterUm) {
    }
}
