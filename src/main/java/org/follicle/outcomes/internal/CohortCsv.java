package org.follicle.outcomes.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cohort report as CSV (RFC 4180) with the page's column names in the reader's language: the groups and the
 * total, then adverse events by product and lot. Shares are percentages; an empty cell is a figure that cannot be
 * given (no measure, or too few to compute).
 */
final class CohortCsv {

    private CohortCsv() {
    }

    /** The CSV as a download, in the reader's language. */
    static org.springframework.http.ResponseEntity<byte[]> response(CohortReports.Report report,
            org.springframework.context.MessageSource texts) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "csv",
                        java.nio.charset.StandardCharsets.UTF_8))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename("cohort-report.csv")
                                .build().toString())
                .body(write(report, key -> texts.getMessage(key, null, locale))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String write(CohortReports.Report report, UnaryOperator<String> text) {
        StringBuilder out = new StringBuilder();
        line(out, Stream.of("cohort.dimension." + report.query().compareBy().name(), "cohort.courses", "cohort.patients", "cohort.conclusive",
                "cohort.evaluable", "cohort.responders", "cohort.responderRate", "cohort.low", "cohort.high",
                "cohort.densityChange", "cohort.low", "cohort.high", "cohort.densityChangePercent", "cohort.satisfied",
                "cohort.satisfactionMean", "cohort.adherence", "cohort.dropOut", "cohort.sessions",
                "cohort.adverseEvents", "cohort.per1000", "cohort.costPerResponder", "cohort.currency")
                .map(text).toList());
        List<CohortReports.Group> rows = new ArrayList<>(report.groups());
        if (report.total() != null) {
            rows.add(report.total().labelled(text.apply("cohort.total")));
        }
        for (CohortReports.Group g : rows) {
            var r = g.responders();
            var d = g.densityChange();
            line(out, List.of(g.label() == null ? "" : g.label(), g.courses(), g.patients(), g.conclusive(),
                    g.evaluable(), r == null ? "" : r.count(), r == null ? "" : percent(r.share()),
                    r == null ? "" : percent(r.low()), r == null ? "" : percent(r.high()),
                    d == null ? "" : round(d.mean()), d == null || d.low() == null ? "" : round(d.low()),
                    d == null || d.high() == null ? "" : round(d.high()),
                    g.densityChangePercent() == null ? "" : round(g.densityChangePercent().mean()),
                    g.satisfied() == null ? "" : percent(g.satisfied().share()), nullable(g.satisfactionMean()),
                    nullable(g.adherencePercent()), g.dropOut() == null ? "" : percent(g.dropOut().share()),
                    g.sessions(), g.adverseEvents(), nullable(g.adverseEventsPer1000()),
                    nullable(g.costPerResponder()), nullable(g.currency())));
        }
        out.append("\r\n");
        line(out, Stream.of("cohort.product", "cohort.lot", "cohort.sessions", "cohort.adverseEvents",
                "cohort.per1000").map(text).toList());
        for (CohortReports.LotRate l : report.lots()) {
            line(out, List.of(l.product(), l.lot() == null ? text.apply("cohort.allLots") : l.lot(), l.sessions(),
                    l.adverseEvents(), l.per1000()));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        out.append(cells.stream().map(c -> quote(String.valueOf(c))).collect(Collectors.joining(","))).append("\r\n");
    }

    /** Quotes a cell that needs it; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula. */
    static String quote(String cell) {
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")
                ? "'" + cell : cell;
        boolean special = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return special || !safe.equals(cell)
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String percent(double share) {
        return round(share * 100).toPlainString();
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }
}
