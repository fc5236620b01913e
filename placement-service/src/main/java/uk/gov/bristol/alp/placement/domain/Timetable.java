package uk.gov.bristol.alp.placement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.gov.bristol.alp.platform.problem.Problem;

/** A weekly timetable at the provider. Hours a week are computed from it, never typed. */
public record Timetable(List<Session> sessions) {

    public record Session(DayOfWeek day, LocalTime start, LocalTime end) {
        Duration length() {
            return Duration.between(start, end);
        }

        boolean overlaps(Session other) {
            return day == other.day && start.isBefore(other.end) && other.start.isBefore(end);
        }

        @Override
        public String toString() {
            return day + " " + start + "-" + end;
        }
    }

    /**
     * Half-day sessions a week, as the census counts them: each morning (before noon) and each afternoon (after
     * noon) the pupil attends at all is one session.
     */
    public int halfDaySessions() {
        LocalTime noon = LocalTime.NOON;
        Set<String> halves = new HashSet<>();
        for (Session s : sessions) {
            if (s.start().isBefore(noon)) {
                halves.add(s.day() + "AM");
            }
            if (s.end().isAfter(noon)) {
                halves.add(s.day() + "PM");
            }
        }
        return halves.size();
    }

    /** Each pair of sessions, one from each timetable, that would have the pupil in two places at once. */
    public List<String> clashesWith(Timetable other) {
        List<String> clashes = new ArrayList<>();
        for (Session mine : sessions) {
            for (Session theirs : other.sessions()) {
                if (mine.overlaps(theirs)) {
                    clashes.add(mine + " overlaps " + theirs);
                }
            }
        }
        return clashes;
    }

    public BigDecimal hoursPerWeek() {
        long minutes = sessions.stream().mapToLong(s -> s.length().toMinutes()).sum();
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** Each way the timetable is impossible: empty, weekend, end not after start, sessions overlapping. */
    public List<Problem.FieldError> errors() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (sessions == null || sessions.isEmpty()) {
            errors.add(new Problem.FieldError("timetable", "notEmpty", "give at least one session"));
            return errors;
        }
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            String field = "timetable[" + i + "]";
            if (s.day() == null || s.start() == null || s.end() == null) {
                errors.add(new Problem.FieldError(field, "complete", "each session needs day, start and end"));
            } else if (s.day() == DayOfWeek.SATURDAY || s.day() == DayOfWeek.SUNDAY) {
                errors.add(new Problem.FieldError(field + ".day", "schoolDay", "sessions are Monday to Friday"));
            } else if (!s.end().isAfter(s.start())) {
                errors.add(new Problem.FieldError(field + ".end", "afterStart", "end must be after start"));
            }
        }
        if (errors.isEmpty()) {
            List<Session> ordered = sessions.stream()
                    .sorted(Comparator.comparing(Session::day).thenComparing(Session::start))
                    .toList();
            for (int i = 1; i < ordered.size(); i++) {
                Session before = ordered.get(i - 1);
                Session after = ordered.get(i);
                if (before.overlaps(after)) {
                    errors.add(new Problem.FieldError("timetable", "noOverlap", before + " and " + after + " overlap"));
                }
            }
        }
        return errors;
    }
}
