package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.domain.FinanceProvider;
import uk.gov.bristol.alp.finance.domain.FinancialYear;
import uk.gov.bristol.alp.finance.domain.Forecast;
import uk.gov.bristol.alp.finance.domain.Rate;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;

/**
 * Unit costs per provider for a financial year (forecast cost per hour of provision and per pupil-week), and
 * providers of the same specialism compared with that specialism's median cost per hour (the review found value
 * for money a known weakness). Cancelled commitments and those still waiting for a rate are left out.
 */
@ApplicationScoped
public class ValueForMoneyReport {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String UNKNOWN = "UNKNOWN";

    private final SchoolCalendar calendar;

    public ValueForMoneyReport(SchoolCalendar calendar) {
        this.calendar = calendar;
    }

    @Transactional
    public Report of(FinancialYear year) {
        Map<UUID, Tally> byProvider = new HashMap<>();
        List<Commitment> priced = Commitment.list(
                "status <> ?1 and hourlyRate is not null and startDate <= ?2 " + "and plannedEndDate >= ?3",
                Commitment.Status.CANCELLED,
                year.lastDay(),
                year.firstDay());
        for (Commitment c : priced) {
            // Costed once at the commitment's rate and once at 1.00 an hour: the second gives the hours themselves.
            share(Forecast.of(c.segments, c.rate(), calendar), year).ifPresent(cost -> {
                Forecast.YearShare hours = share(
                                Forecast.of(c.segments, Rate.hourly(BigDecimal.ONE, Rate.Source.PLACEMENT), calendar),
                                year)
                        .orElseThrow();
                byProvider.computeIfAbsent(c.providerId, Tally::new).add(cost.cost(), hours.cost(), cost.weeks());
            });
        }
        List<ProviderCost> providers = byProvider.values().stream()
                .map(Tally::result)
                .sorted(Comparator.comparing(ProviderCost::name, Comparator.nullsLast(String::compareTo)))
                .toList();
        return new Report(year.toString(), providers, bySpecialism(providers));
    }

    private static Optional<Forecast.YearShare> share(Forecast forecast, FinancialYear year) {
        return forecast.years().stream()
                .filter(y -> y.year().equals(year) && y.weeks().signum() > 0)
                .findFirst();
    }

    private static Map<String, SpecialismComparison> bySpecialism(List<ProviderCost> providers) {
        Map<String, List<ProviderCost>> groups = new TreeMap<>();
        for (ProviderCost p : providers) {
            for (String specialism : p.specialisms().isEmpty() ? List.of(UNKNOWN) : p.specialisms()) {
                groups.computeIfAbsent(specialism, s -> new ArrayList<>()).add(p);
            }
        }
        Map<String, SpecialismComparison> result = new TreeMap<>();
        groups.forEach((specialism, group) -> {
            List<BigDecimal> perHour = group.stream()
                    .map(ProviderCost::costPerHour)
                    .filter(v -> v != null)
                    .sorted()
                    .toList();
            BigDecimal median = median(perHour);
            List<Compared> compared = group.stream()
                    .sorted(Comparator.comparing(
                            ProviderCost::costPerHour, Comparator.nullsLast(BigDecimal::compareTo)))
                    .map(p -> new Compared(
                            p.providerId(),
                            p.name(),
                            p.costPerHour(),
                            p.costPerPupilWeek(),
                            median == null || p.costPerHour() == null || median.signum() == 0
                                    ? null
                                    : p.costPerHour().multiply(HUNDRED).divide(median, 0, RoundingMode.HALF_UP)))
                    .toList();
            result.put(specialism, new SpecialismComparison(median, compared));
        });
        return result;
    }

    /** The middle value, or the mean of the middle two, to pence (half-up); null for none. */
    static BigDecimal median(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int mid = sorted.size() / 2;
        BigDecimal value = sorted.size() % 2 == 1
                ? sorted.get(mid)
                : sorted.get(mid - 1).add(sorted.get(mid)).divide(BigDecimal.valueOf(2));
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static final class Tally {
        private final UUID providerId;
        private BigDecimal cost = BigDecimal.ZERO;
        private BigDecimal hours = BigDecimal.ZERO;
        private BigDecimal pupilWeeks = BigDecimal.ZERO;
        private int placements;

        Tally(UUID providerId) {
            this.providerId = providerId;
        }

        void add(BigDecimal cost, BigDecimal hours, BigDecimal weeks) {
            this.cost = this.cost.add(cost);
            this.hours = this.hours.add(hours);
            this.pupilWeeks = this.pupilWeeks.add(weeks);
            this.placements++;
        }

        ProviderCost result() {
            FinanceProvider provider = FinanceProvider.findById(providerId);
            return new ProviderCost(
                    providerId,
                    provider == null ? null : provider.name,
                    provider == null || provider.specialisms == null ? List.of() : provider.specialisms,
                    placements,
                    cost.setScale(2, RoundingMode.HALF_UP),
                    hours.setScale(2, RoundingMode.HALF_UP),
                    pupilWeeks.setScale(4, RoundingMode.HALF_UP),
                    per(cost, hours),
                    per(cost, pupilWeeks));
        }

        private static BigDecimal per(BigDecimal cost, BigDecimal unit) {
            return unit.signum() == 0 ? null : cost.divide(unit, 2, RoundingMode.HALF_UP);
        }
    }

    public record ProviderCost(
            UUID providerId,
            String name,
            List<String> specialisms,
            int placements,
            BigDecimal forecastCost,
            BigDecimal hours,
            BigDecimal pupilWeeks,
            BigDecimal costPerHour,
            BigDecimal costPerPupilWeek) {}

    public record Compared(
            UUID providerId,
            String name,
            BigDecimal costPerHour,
            BigDecimal costPerPupilWeek,
            BigDecimal costPerHourAsPercentOfMedian) {}

    public record SpecialismComparison(BigDecimal medianCostPerHour, List<Compared> providers) {}

    public record Report(
            String financialYear, List<ProviderCost> providers, Map<String, SpecialismComparison> bySpecialism) {}
}
