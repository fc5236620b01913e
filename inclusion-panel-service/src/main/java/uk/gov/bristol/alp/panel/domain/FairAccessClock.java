package uk.gov.bristol.alp.panel.domain;

import java.time.LocalDate;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;

/**
 * The In-Year Fair Access clock (School Admissions Code 2021, 3.17: placed within 20 school days). It runs from
 * the day the case began until the panel decides (a deferral does not stop it); past the 20th school day an
 * open case is overdue.
 */
public record FairAccessClock(
        LocalDate since,
        LocalDate deadline,
        int schoolDaysElapsed,
        int schoolDaysLeft,
        LocalDate stoppedOn,
        boolean overdue) {
    public static final int SCHOOL_DAYS = 20;

    /** {@code stoppedOn} is the day of the decision that stopped the clock, or null while it runs. */
    public static FairAccessClock of(LocalDate since, LocalDate stoppedOn, LocalDate today, SchoolCalendar calendar) {
        LocalDate deadline = calendar.nthSchoolDayAfter(since, SCHOOL_DAYS);
        LocalDate end = stoppedOn != null ? stoppedOn : today;
        int elapsed = calendar.schoolDaysAfter(since, end);
        return new FairAccessClock(
                since,
                deadline,
                elapsed,
                Math.max(0, SCHOOL_DAYS - elapsed),
                stoppedOn,
                stoppedOn == null && today.isAfter(deadline));
    }
}
