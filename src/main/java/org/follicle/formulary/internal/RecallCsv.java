package org.follicle.formulary.internal;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A recall list as CSV (RFC 4180). Cells that a spreadsheet would run as a formula are prefixed with a quote, since
 * names come from patients.
 */
final class RecallCsv {

    private RecallCsv() {
    }

    static String of(StockService.Recall recall) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.of("lot", "product", "expiry", "file_number", "patient", "birth_date", "clinic_id",
                "session", "administered_at", "preparation", "lots_in_preparation"));
        for (StockService.Recall.Line l : recall.lines()) {
            line(csv, List.of(recall.lot().lotNumber(), recall.lot().productName(), recall.lot().expiry().toString(),
                    l.patient().fileNumber(), l.patient().displayName(), l.patient().birthDate().toString(),
                    String.valueOf(l.receipt().clinicId()), l.receipt().sessionRef() == null ? ""
                            : l.receipt().sessionRef(),
                    l.receipt().administeredAt().toString(), String.valueOf(l.receipt().preparationId()),
                    String.valueOf(l.receipt().lotsInPreparation())));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(RecallCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    static String cell(String value) {
        String text = Stream.of("=", "+", "-", "@", "\t", "\r").anyMatch(value::startsWith) ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
