package uk.gov.bristol.alp.finance.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A local authority financial year, 1 April to 31 March, written "2026-27". */
public record FinancialYear(int startYear) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})");

    public static FinancialYear containing(LocalDate date) {
        return new FinancialYear(date.getMonth().compareTo(Month.APRIL) >= 0 ? date.getYear() : date.getYear() - 1);
    }

    /** Parses "2026-27"; the second part must follow the first. Throws IllegalArgumentException otherwise. */
    public static FinancialYear parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a financial year is written like 2026-27");
        }
        int start = Integer.parseInt(m.group(1));
        if ((start + 1) % 100 != Integer.parseInt(m.group(2))) {
            throw new IllegalArgumentException(text + " is not a year followed by the next");
        }
        return new FinancialYear(start);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    @Override
    public String toString() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }
}
