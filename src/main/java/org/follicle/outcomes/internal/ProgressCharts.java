package org.follicle.outcomes.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.follicle.diagnosis.SiteProgress;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** The progress report's density chart for the PDF, drawn with JFreeChart (a PDF cannot run the page's Chart.js). */
final class ProgressCharts {

    private ProgressCharts() {
    }

    /**
     * Density per site over time as a PNG data URI, or {@code null} with fewer than two measures to draw.
     *
     * @param siteName the site's name in the reader's language
     */
    static String densityChart(List<SiteProgress> sites, Function<String, String> siteName, String axisLabel) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (SiteProgress site : sites) {
            TimeSeries series = new TimeSeries(siteName.apply(site.site()));
            site.measures().stream().filter(m -> m.density() != null).forEach(m -> series.addOrUpdate(
                    new Day(java.util.Date.from(m.date().atStartOfDay(ZoneOffset.UTC).toInstant()),
                            java.util.TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT),
                    m.density()));
            data.addSeries(series);
        }
        if (sites.stream().mapToInt(s -> s.measures().size()).max().orElse(0) < 2) {
            return null;
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, axisLabel, data, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new java.text.SimpleDateFormat("yyyy-MM-dd"));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(png, chart, 640, 300);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
