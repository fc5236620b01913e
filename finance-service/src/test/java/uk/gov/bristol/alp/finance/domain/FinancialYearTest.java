package uk.gov.bristol.alp.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FinancialYearTest {
    @Test
    void theYearTurnsOnTheFirstOfApril() {
        assertEquals(
                "2026-27",
                FinancialYear.containing(LocalDate.parse("2027-03-31")).toString());
        assertEquals(
                "2027-28",
                FinancialYear.containing(LocalDate.parse("2027-04-01")).toString());
        assertEquals(
                "2099-00",
                FinancialYear.containing(LocalDate.parse("2099-12-01")).toString());
    }

    @Test
    void parsesWhatItWritesAndRefusesTheRest() {
        FinancialYear year = FinancialYear.parse("2026-27");
        assertEquals(LocalDate.parse("2026-04-01"), year.firstDay());
        assertEquals(LocalDate.parse("2027-03-31"), year.lastDay());
        assertEquals(FinancialYear.parse("2099-00"), new FinancialYear(2099));
        assertThrows(IllegalArgumentException.class, () -> FinancialYear.parse("2026-28"));
        assertThrows(IllegalArgumentException.class, () -> FinancialYear.parse("2026/27"));
        assertThrows(IllegalArgumentException.class, () -> FinancialYear.parse(null));
    }
}
