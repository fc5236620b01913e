package uk.gov.bristol.alp.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class SchoolCalendarTest {
    private final SchoolCalendar calendar = SchoolCalendar.parse("2026-12-25, 2026-12-21..2027-01-01, ");

    @Test
    void weekendsAndClosuresAreNotSchoolDays() {
        assertTrue(calendar.isSchoolDay(LocalDate.parse("2026-12-18"))); // Friday
        assertFalse(calendar.isSchoolDay(LocalDate.parse("2026-12-19"))); // Saturday
        assertFalse(calendar.isSchoolDay(LocalDate.parse("2026-12-21"))); // holiday, Monday
        assertFalse(calendar.isSchoolDay(LocalDate.parse("2027-01-01"))); // last day of the range
        assertTrue(calendar.isSchoolDay(LocalDate.parse("2027-01-04")));
    }

    @Test
    void countsSchoolDaysAfterTheStartAcrossAHoliday() {
        LocalDate friday = LocalDate.parse("2026-12-18");
        assertEquals(0, calendar.schoolDaysAfter(friday, friday));
        assertEquals(0, calendar.schoolDaysAfter(friday, LocalDate.parse("2027-01-03")));
        assertEquals(1, calendar.schoolDaysAfter(friday, LocalDate.parse("2027-01-04")));
        assertEquals(5, calendar.schoolDaysAfter(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-07")));
    }

    @Test
    void theTwentiethSchoolDaySkipsWeekendsAndClosures() {
        // From Monday 7 Dec: 8..11 Dec (4), 14..18 Dec (5) = 9; 4..8 Jan (5) = 14; 11..15 Jan (5) = 19; Mon 18 Jan =
        // 20.
        LocalDate start = LocalDate.parse("2026-12-07");
        LocalDate twentieth = calendar.nthSchoolDayAfter(start, 20);
        assertEquals(LocalDate.parse("2027-01-18"), twentieth);
        assertEquals(20, calendar.schoolDaysAfter(start, twentieth));
        assertEquals(LocalDate.parse("2026-12-08"), calendar.nthSchoolDayAfter(start, 1));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SchoolCalendar.parse("2027-01-02..2027-01-01"));
        assertThrows(DateTimeParseException.class, () -> SchoolCalendar.parse("25/12/2026"));
    }
}
