package uk.gov.bristol.alp.finance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A price for a provider's time. Hourly and weekly rates give a weekly cost from a placement's hours; per-session
 * and per-day rates need the sessions or days a week, which placement events do not carry yet, so a commitment
 * with only such a rate waits for one (RATE_PENDING) rather than guess.
 */
public record Rate(Unit unit, BigDecimal amount, LocalDate validFrom, LocalDate validTo, Source source) {
    public enum Unit {
        HOUR,
        SESSION,
        DAY,
        WEEK
    }

    /** Where the rate came from: the placement itself, finance's agreement with the provider, or the registry. */
    public enum Source {
        PLACEMENT,
        AGREED,
        REGISTRY
    }

    public static Rate hourly(BigDecimal amount, Source source) {
        return new Rate(Unit.HOUR, amount, null, null, source);
    }

    public boolean costsWeeks() {
        return unit == Unit.HOUR || unit == Unit.WEEK;
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** The cost of a week at these hours. */
    public BigDecimal weekly(BigDecimal hoursPerWeek) {
        return switch (unit) {
            case HOUR -> hoursPerWeek.multiply(amount);
            case WEEK -> amount;
            case SESSION, DAY -> throw new IllegalStateException(unit + " rates need sessions or days a week");
        };
    }
}
