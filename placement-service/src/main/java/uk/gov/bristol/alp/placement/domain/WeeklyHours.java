package uk.gov.bristol.alp.placement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A pupil's weekly hours at a provider: the one definition shared by the unregistered-provider limit (checked when
 * a placement is commissioned, confirmed or revised) and the registration-risk monitor (Education Act 1996 s463;
 * {@code docs/domain-rules.md}). On a day, the pupil's hours there are the hours a week of every placement there
 * that runs that day; over a period, they are the highest of those daily totals. Placements count while
 * confirmed or active. Plain Java.
 */
public final class WeeklyHours {
    /** The statuses in which a placement's hours count. */
    public static final List<Placement.Status> COUNTED = List.of(Placement.Status.CONFIRMED, Placement.Status.ACTIVE);

    private WeeklyHours() {}

    /** The total hours a week of the placements that run on the day. */
    public static BigDecimal on(List<Placement> placements, LocalDate day) {
        return placements.stream()
                .filter(p -> !day.isBefore(p.startDate) && !day.isAfter(p.plannedEndDate))
                .map(p -> p.hoursPerWeek)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The highest daily total from {@code from} to {@code to}. A total only rises on the day a placement starts, so
     * {@code from} and those days are the ones to look at.
     */
    public static BigDecimal peak(List<Placement> placements, LocalDate from, LocalDate to) {
        return Stream.concat(
                        Stream.of(from),
                        placements.stream().map(p -> p.startDate).filter(day -> day.isAfter(from) && !day.isAfter(to)))
                .map(day -> on(placements, day))
                .max(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);
    }
}
