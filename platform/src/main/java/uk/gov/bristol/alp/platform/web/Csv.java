package uk.gov.bristol.alp.platform.web;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** CSV for spreadsheets and returns (RFC 4180, CRLF line ends), safe to open in Excel. */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern QUOTE_NEEDED = Pattern.compile("[,\"\\r\\n]");

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

    /**
     * Quoted when it holds a comma, quote or line break. A cell a spreadsheet could take for a formula is defused
     * with a leading apostrophe (formula injection): one that starts with =, +, -, @, a tab or a carriage return,
     * also after leading white space (non-breaking and line separators included), whatever follows (line breaks included). A plain number such as -12.5 is
     * left as it is.
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = couldBeFormula(value) ? "'" + value : value;
        return QUOTE_NEEDED.matcher(safe).find() ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static boolean couldBeFormula(String value) {
        if (value.isEmpty() || NUMBER.matcher(value).matches()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r') {
            return true;
        }
        int i = 0;
        while (i < value.length()
                && (Character.isWhitespace(value.charAt(i)) || Character.isSpaceChar(value.charAt(i)))) {
            i++;
        }
        return i < value.length() && "=+-@".indexOf(value.charAt(i)) >= 0;
    }
}
