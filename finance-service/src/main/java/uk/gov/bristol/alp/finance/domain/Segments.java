package uk.gov.bristol.alp.finance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** How a placement's segments of hours change: a revision from a date, an end on a date. */
public final class Segments {
    private Segments() {}

    /**
     * From {@code from} on, {@code hours} a week until {@code plannedEnd}; what came before stays. Applying
     * the same revision twice gives the same segments.
     */
    public static List<Segment> revise(List<Segment> segments, LocalDate from, LocalDate plannedEnd, BigDecimal hours) {
        List<Segment> revised = new ArrayList<>(before(segments, from));
        if (!plannedEnd.isBefore(from)) {
            revised.add(new Segment(from, plannedEnd, hours));
        }
        return revised;
    }

    /** Nothing after {@code lastDay}. */
    public static List<Segment> endOn(List<Segment> segments, LocalDate lastDay) {
        return before(segments, lastDay.plusDays(1));
    }

    /** The part of the segments from {@code from} to {@code to}, both included. */
    public static List<Segment> within(List<Segment> segments, LocalDate from, LocalDate to) {
        List<Segment> kept = new ArrayList<>();
        for (Segment s : segments) {
            LocalDate start = s.from().isAfter(from) ? s.from() : from;
            LocalDate end = s.to().isBefore(to) ? s.to() : to;
            if (!end.isBefore(start)) {
                kept.add(new Segment(start, end, s.hoursPerWeek()));
            }
        }
        return kept;
    }

    private static List<Segment> before(List<Segment> segments, LocalDate day) {
        List<Segment> kept = new ArrayList<>();
        for (Segment s : segments) {
            if (s.from().isBefore(day)) {
                kept.add(s.to().isBefore(day) ? s : new Segment(s.from(), day.minusDays(1), s.hoursPerWeek()));
            }
        }
        return kept;
    }
}
