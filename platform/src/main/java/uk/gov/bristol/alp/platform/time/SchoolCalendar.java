package uk.gov.bristol.alp.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * School days: Monday to Friday, less the closures given (bank holidays, the authority's term holidays,
 * training days). Counting is by school day because statutory clocks are (Fair Access: 20 school days).
 */
public final class SchoolCalendar {
    private final Set<LocalDate> closures;

    public SchoolCalendar(Set<LocalDate> closures) {
        this.closures = Set.copyOf(closures);
    }

    /**
     * Reads closures as written in configuration: dates or inclusive ranges, comma-separated, e.g.
     * {@code 2026-12-25, 2026-12-21..2027-01-01}.
     */
    public static SchoolCalendar parse(String closures) {
        Set<LocalDate> days = new TreeSet<>();
        for (String part : closures.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int range = item.indexOf("..");
            LocalDate from =
                    LocalDate.parse(range < 0 ? item : item.substring(0, range).strip());
            LocalDate to =
                    range < 0 ? from : LocalDate.parse(item.substring(range + 2).strip());
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("closure range ends before it starts: " + item);
            }
            from.datesUntil(to.plusDays(1)).forEach(days::add);
        }
        return new SchoolCalendar(days);
    }

    public boolean isSchoolDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !closures.contains(day);
    }

    /** School days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int schoolDaysAfter(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return (int) from.plusDays(1)
                .datesUntil(to.plusDays(1))
                .filter(this::isSchoolDay)
                .count();
    }

    /** The {@code n}th school day after {@code from} (day 1 is the first school day after it). */
    public LocalDate nthSchoolDayAfter(LocalDate from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isSchoolDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
