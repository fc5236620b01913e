package uk.gov.bristol.alp.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;

class ForecastTest {
    // Half term 16-20 Feb 2026; Good Friday and Easter Monday 2026.
    private final SchoolCalendar calendar = SchoolCalendar.parse("2026-02-16..2026-02-20, 2026-04-03, 2026-04-06");

    private Forecast forecast(String hours, String rate, String from, String to) {
        return Forecast.of(
                List.of(new Segment(LocalDate.parse(from), LocalDate.parse(to), new BigDecimal(hours))),
                rate == null ? null : new BigDecimal(rate),
                calendar);
    }

    @Test
    void termWeeksLeaveOutHolidays() {
        // 5 Jan to 27 Mar 2026: 12 calendar weeks, one of them half term: 55 school days = 11 term weeks.
        Forecast f = forecast("17.50", "42.50", "2026-01-05", "2026-03-27");
        assertEquals(new BigDecimal("11.0000"), f.weeks());
        assertEquals(new BigDecimal("8181.25"), f.cost());
    }

    @Test
    void partWeeksAndTheCostRoundedHalfUpToPence() {
        assertEquals(
                new BigDecimal("0.6000"),
                forecast("10", "40.00", "2026-01-05", "2026-01-07").weeks());
        assertEquals(
                new BigDecimal("240.00"),
                forecast("10", "40.00", "2026-01-05", "2026-01-07").cost());
        // one day = 0.2 weeks: 2.5 h x 10.01 x 0.2 = 5.005 -> 5.01 (half-up, not half-even's 5.00)
        assertEquals(
                new BigDecimal("5.01"),
                forecast("2.5", "10.01", "2026-01-05", "2026-01-05").cost());
    }

    @Test
    void aCommitmentAcrossTwoFinancialYearsIsSplitByTheirTermWeeks() {
        // 23 Mar - 10 Apr 2026: 7 school days in 2025-26, then 6 in 2026-27 (Easter bank holidays left out).
        Forecast f = forecast("10", "33.33", "2026-03-23", "2026-04-10");
        assertEquals(2, f.years().size());
        assertEquals(
                new Forecast.YearShare(
                        FinancialYear.parse("2025-26"), new BigDecimal("1.4000"), new BigDecimal("466.62")),
                f.years().get(0));
        assertEquals(
                new Forecast.YearShare(
                        FinancialYear.parse("2026-27"), new BigDecimal("1.2000"), new BigDecimal("399.96")),
                f.years().get(1));
        assertEquals(new BigDecimal("866.58"), f.cost());
    }

    @Test
    void theYearsAlwaysAddUpToTheTotalTheLastTakingTheRoundingRemainder() {
        // One school day each side of 1 April: 5.005 + 5.005 = 10.01 in total; 5.01 + 5.00, never 5.01 + 5.01.
        Forecast f = forecast("2.5", "10.01", "2026-03-31", "2026-04-01");
        assertEquals(new BigDecimal("10.01"), f.cost());
        assertEquals(new BigDecimal("5.01"), f.years().get(0).cost());
        assertEquals(new BigDecimal("5.00"), f.years().get(1).cost());
    }

    @Test
    void aChangeOfHoursCostsEachSegmentAtItsOwnHours() {
        Forecast f = Forecast.of(
                List.of(
                        new Segment(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-16"), new BigDecimal("10")),
                        new Segment(
                                LocalDate.parse("2026-01-19"), LocalDate.parse("2026-01-23"), new BigDecimal("20"))),
                new BigDecimal("30.00"),
                calendar);
        assertEquals(new BigDecimal("3.0000"), f.weeks());
        assertEquals(new BigDecimal("1200.00"), f.cost()); // 10 x 30 x 2 + 20 x 30 x 1
    }

    @Test
    void withoutARateTheCostIsUnknownNotZero() {
        Forecast f = forecast("10", null, "2026-01-05", "2026-02-05");
        assertNull(f.cost());
        assertNull(f.years().get(0).cost());
        assertEquals(new BigDecimal("4.8000"), f.weeks());
    }
}
