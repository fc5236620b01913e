package uk.gov.bristol.alp.placement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The ended placements of one group (a provider, a school, a specialism, or all), each counted once: how they ended,
 * where the pupils went, how long they were in ALP (and in full-time ALP), and how many of their learning plans'
 * targets were achieved. Plain Java.
 */
public final class OutcomeTally {
    private final Map<TransitionPlan.Destination, Long> byDestination = new EnumMap<>(TransitionPlan.Destination.class);
    private final Map<Placement.Outcome, Long> byOutcome = new EnumMap<>(Placement.Outcome.class);
    private long ended;
    private long toMainstream;
    private long days;
    private long fullTime;
    private long fullTimeDays;
    private long targets;
    private long achieved;

    /** One ended placement. {@code outcome} is null for one ended before outcomes were recorded. */
    public void add(
            TransitionPlan.Destination destination,
            Placement.Outcome outcome,
            long daysInAlp,
            boolean fullTimePlacement,
            long targetsSet,
            long targetsAchieved) {
        ended++;
        if (destination != null) {
            byDestination.merge(destination, 1L, Long::sum);
            toMainstream += destination.mainstream() ? 1 : 0;
        }
        if (outcome != null) {
            byOutcome.merge(outcome, 1L, Long::sum);
        }
        days += daysInAlp;
        if (fullTimePlacement) {
            fullTime++;
            fullTimeDays += daysInAlp;
        }
        targets += targetsSet;
        achieved += targetsAchieved;
    }

    public View view() {
        return new View(
                ended,
                Map.copyOf(byDestination),
                Map.copyOf(byOutcome),
                toMainstream,
                percent(toMainstream, ended),
                weeks(days, ended),
                fullTime,
                weeks(fullTimeDays, fullTime),
                targets,
                achieved,
                percent(achieved, targets));
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Mean weeks per placement, to a tenth. */
    private static BigDecimal weeks(long totalDays, long placements) {
        return placements == 0
                ? null
                : BigDecimal.valueOf(totalDays).divide(BigDecimal.valueOf(placements * 7), 1, RoundingMode.HALF_UP);
    }

    /**
     * {@code returnToMainstreamRate}: percent of ended placements whose pupil went back to the same or another
     * mainstream school; {@code meanWeeksInAlp}: start to last day, inclusive; rates are null when nothing counts.
     */
    public record View(
            long ended,
            Map<TransitionPlan.Destination, Long> byDestination,
            Map<Placement.Outcome, Long> byOutcome,
            long returnedToMainstream,
            BigDecimal returnToMainstreamRate,
            BigDecimal meanWeeksInAlp,
            long fullTimePlacements,
            BigDecimal meanWeeksInFullTimeAlp,
            long targetsSet,
            long targetsAchieved,
            BigDecimal targetsAchievedRate) {}
}
