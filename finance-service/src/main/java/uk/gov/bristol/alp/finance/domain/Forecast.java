package uk.gov.bristol.alp.finance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The forecast cost of a placement: hours a week x hourly rate x weeks. Weeks are calendar days from
 * start to planned end inclusive, divided by 7, kept to 4 places (half-up); the cost is rounded once, at
 * the end, to pence (half-up). Term weeks and financial-year splits come with the finance issue.
 */
public record Forecast(BigDecimal weeks, BigDecimal cost) {
    private static final BigDecimal DAYS_A_WEEK = BigDecimal.valueOf(7);

    public static Forecast of(BigDecimal hoursPerWeek, BigDecimal hourlyRate, LocalDate start, LocalDate plannedEnd) {
        long days = ChronoUnit.DAYS.between(start, plannedEnd) + 1;
        BigDecimal weeks = BigDecimal.valueOf(days).divide(DAYS_A_WEEK, 4, RoundingMode.HALF_UP);
        BigDecimal cost = hourlyRate == null ? null
                : hoursPerWeek.multiply(hourlyRate).multiply(weeks).setScale(2, RoundingMode.HALF_UP);
        return new Forecast(weeks, cost);
    }
}
