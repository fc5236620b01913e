package uk.gov.bristol.alp.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pupil names and notes are free text: no cell may reach a spreadsheet as a formula. */
class CsvTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=1+1",
                "+44 117",
                "-2+3",
                "@SUM(A1)",
                "=HYPERLINK(\"http://x\")\nsecond line",
                "=1+1\rmore",
                "=cmd|' /C calc'!A0\u2028tail",
                "\t=1+1",
                "\r=1+1",
                "  =1+1",
                "\u00a0=1+1",
                "\u2028=1+1",
                "\tplain text after a tab"
            })
    void aCellThatCouldBeAFormulaStartsWithAnApostrophe(String value) {
        String cell = Csv.cell(value);
        String unquoted =
                cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertEquals("'" + value, unquoted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12.5", "42", "Smith-Jones", "a=b", "2026-09-07"})
    void numbersAndOrdinaryTextAreLeftAlone(String value) {
        assertEquals(value, Csv.cell(value));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"O'Neil, \"\"Jo\"\"\"", Csv.cell("O'Neil, \"Jo\""));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
        assertEquals("", Csv.cell(null));
    }
}
