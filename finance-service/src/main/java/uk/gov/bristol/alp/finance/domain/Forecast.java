package uk.gov.bristol.alp.finance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;

/**
 * The forecast cost of a placement, split by financial year: the weekly cost (hours a week x an hourly rate, or
 * a weekly rate) x term weeks, summed over the placement's segments (a change of hours starts a new segment).
 * <p>Rounding, stated once: term weeks are the school days in a segment's part of a year divided by 5, kept
 * to 4 places (half-up); the total is rounded once, at the end, to pence (half-up); each year's amount is
 * rounded half-up to pence and the last year takes what that rounding left over, so the years always add
 * up to the total exactly.
 */
public record Forecast(BigDecimal weeks, BigDecimal cost, List<YearShare> years) {
    private static final BigDecimal SCHOOL_DAYS_A_WEEK = BigDecimal.valueOf(5);
    private static final Comparator<FinancialYear> BY_YEAR = Comparator.comparingInt(FinancialYear::startYear);

    /** One financial year's part: its term weeks and (when the rate is known) its cost. */
    public record YearShare(FinancialYear year, BigDecimal weeks, BigDecimal cost) {}

    public static Forecast of(List<Segment> segments, BigDecimal hourlyRate, SchoolCalendar calendar) {
        return of(segments, hourlyRate == null ? null : Rate.hourly(hourlyRate, Rate.Source.PLACEMENT), calendar);
    }

    /** With no rate the weeks are still known; the costs are null. */
    public static Forecast of(List<Segment> segments, Rate rate, SchoolCalendar calendar) {
        Map<FinancialYear, BigDecimal> weeksByYear = new TreeMap<>(BY_YEAR);
        Map<FinancialYear, BigDecimal> costByYear = new TreeMap<>(BY_YEAR);
        for (Segment s : segments) {
            for (FinancialYear year = FinancialYear.containing(s.from());
                    !year.firstDay().isAfter(s.to());
                    year = new FinancialYear(year.startYear() + 1)) {
                LocalDate from = max(s.from(), year.firstDay());
                LocalDate to = min(s.to(), year.lastDay());
                BigDecimal weeks = BigDecimal.valueOf(calendar.schoolDaysAfter(from.minusDays(1), to))
                        .divide(SCHOOL_DAYS_A_WEEK, 4, RoundingMode.HALF_UP);
                weeksByYear.merge(year, weeks, BigDecimal::add);
                if (rate != null) {
                    costByYear.merge(year, rate.weekly(s.hoursPerWeek()).multiply(weeks), BigDecimal::add);
                }
            }
        }
        BigDecimal totalWeeks = weeksByYear.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (rate == null) {
            List<YearShare> years = new ArrayList<>();
            weeksByYear.forEach((year, weeks) -> years.add(new YearShare(year, weeks, null)));
            return new Forecast(totalWeeks, null, years);
        }
        BigDecimal total = costByYear.values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        List<YearShare> years = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO.setScale(2);
        List<FinancialYear> order = new ArrayList<>(weeksByYear.keySet());
        for (int i = 0; i < order.size(); i++) {
            FinancialYear year = order.get(i);
            BigDecimal share = i == order.size() - 1
                    ? total.subtract(allocated)
                    : costByYear.get(year).setScale(2, RoundingMode.HALF_UP);
            allocated = allocated.add(share);
            years.add(new YearShare(year, weeksByYear.get(year), share));
        }
        return new Forecast(totalWeeks, total, years);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
