package uk.gov.bristol.alp.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ForecastTest {
    @Test
    void twelveWholeWeeks() {
        Forecast f = Forecast.of(new BigDecimal("17.50"), new BigDecimal("42.50"), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 3, 29));
        assertEquals(new BigDecimal("12.0000"), f.weeks());
        assertEquals(new BigDecimal("8925.00"), f.cost());
    }

    @Test
    void partWeeksAreKeptToFourPlacesAndTheCostRoundedHalfUpToPence() {
        // 3 days = 0.428571... weeks -> 0.4286; 10 h x 40.00 x 0.4286 = 171.44
        Forecast f = Forecast.of(new BigDecimal("10"), new BigDecimal("40.00"), LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 7));
        assertEquals(new BigDecimal("0.4286"), f.weeks());
        assertEquals(new BigDecimal("171.44"), f.cost());
        // 1 day = 0.142857 -> 0.1429; 3.5 h x 10.01 x 0.1429 = 5.00650... -> 5.01 (half-up at the last step)
        assertEquals(new BigDecimal("5.01"), Forecast.of(new BigDecimal("3.5"), new BigDecimal("10.01"),
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5)).cost());
    }

    @Test
    void withoutARateTheCostIsUnknownNotZero() {
        assertNull(Forecast.of(new BigDecimal("10"), null, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 5)).cost());
    }
}
