package uk.gov.bristol.alp.panel.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;

class FairAccessClockTest {
    private final SchoolCalendar calendar = SchoolCalendar.parse("2026-11-13");
    // From Monday 2 Nov 2026, with Friday 13 Nov closed: the 20th school day is Tuesday 1 Dec.
    private final LocalDate since = LocalDate.parse("2026-11-02");

    @Test
    void onTheTwentiethSchoolDayTheCaseIsDueNotOverdue() {
        FairAccessClock clock = FairAccessClock.of(since, null, LocalDate.parse("2026-12-01"), calendar);
        assertEquals(LocalDate.parse("2026-12-01"), clock.deadline());
        assertEquals(20, clock.schoolDaysElapsed());
        assertEquals(0, clock.schoolDaysLeft());
        assertFalse(clock.overdue());
    }

    @Test
    void theDayAfterTheTwentiethSchoolDayItIsOverdue() {
        FairAccessClock clock = FairAccessClock.of(since, null, LocalDate.parse("2026-12-02"), calendar);
        assertEquals(21, clock.schoolDaysElapsed());
        assertTrue(clock.overdue());
    }

    @Test
    void aWeekendBeforeTheDeadlineDoesNotCountAndAClosureIsSkipped() {
        FairAccessClock friday = FairAccessClock.of(since, null, LocalDate.parse("2026-11-27"), calendar);
        FairAccessClock sunday = FairAccessClock.of(since, null, LocalDate.parse("2026-11-29"), calendar);
        assertEquals(18, friday.schoolDaysElapsed());
        assertEquals(18, sunday.schoolDaysElapsed());
        assertFalse(sunday.overdue());
    }

    @Test
    void aDecisionStopsTheClockEvenIfReadLater() {
        FairAccessClock clock =
                FairAccessClock.of(since, LocalDate.parse("2026-11-20"), LocalDate.parse("2027-01-20"), calendar);
        assertEquals(13, clock.schoolDaysElapsed());
        assertFalse(clock.overdue());
    }
}
