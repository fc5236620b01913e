package uk.gov.bristol.alp.platform.web;

import java.util.List;
import java.util.stream.Collectors;

/** CSV for spreadsheets and returns (RFC 4180, CRLF line ends), safe to open in Excel. */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {}

    /** A header and rows, each line ended by CRLF. */
    public static String of(String header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(header).append("\r\n");
        for (List<String> row : rows) {
            out.append(row.stream().map(Csv::cell).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    /** Quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused (formula injection). */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@].*") && !value.matches("^-?\\d+(\\.\\d+)?$") ? "'" + value : value;
        return safe.matches("(?s).*[,\"\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
