package uk.gov.bristol.alp.placement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.problem.ProblemException;

class TimetableTest {
    private static Timetable.Session s(DayOfWeek d, String start, String end) {
        return new Timetable.Session(d, LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void hoursAreComputedFromSessions() {
        Timetable t = new Timetable(List.of(
                s(DayOfWeek.MONDAY, "09:00", "12:30"),
                s(DayOfWeek.WEDNESDAY, "09:00", "15:00"),
                s(DayOfWeek.FRIDAY, "09:00", "17:00")));
        assertEquals(new BigDecimal("17.50"), t.hoursPerWeek());
        assertTrue(t.errors().isEmpty());
    }

    @Test
    void overlappingSessionsOnOneDayAreAnError() {
        Timetable t =
                new Timetable(List.of(s(DayOfWeek.MONDAY, "09:00", "12:00"), s(DayOfWeek.MONDAY, "11:30", "13:00")));
        assertEquals("noOverlap", t.errors().get(0).rule());
    }

    @Test
    void backToBackSessionsDoNotOverlap() {
        Timetable t =
                new Timetable(List.of(s(DayOfWeek.MONDAY, "09:00", "12:00"), s(DayOfWeek.MONDAY, "12:00", "13:00")));
        assertTrue(t.errors().isEmpty());
    }

    @Test
    void weekendAndBackwardSessionsAreErrors() {
        assertEquals(
                "schoolDay",
                new Timetable(List.of(s(DayOfWeek.SATURDAY, "09:00", "12:00")))
                        .errors()
                        .get(0)
                        .rule());
        assertEquals(
                "afterStart",
                new Timetable(List.of(s(DayOfWeek.MONDAY, "12:00", "09:00")))
                        .errors()
                        .get(0)
                        .rule());
    }

    @Test
    void partTimeMeansUnderTheThreshold() {
        BigDecimal threshold = new BigDecimal("18");
        PlacementRules.requirePanelDecisionForFullTime(new BigDecimal("17.50"), threshold);
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> PlacementRules.requirePanelDecisionForFullTime(new BigDecimal("18.00"), threshold));
        assertEquals(PlacementRules.FULL_TIME_NEEDS_PANEL_DECISION, e.type());
    }

    @Test
    void sessionsOfTwoTimetablesClashOnlyWhenTheyShareTimeOnTheSameDay() {
        Timetable morning = new Timetable(List.of(s(DayOfWeek.MONDAY, "09:00", "12:00")));
        assertEquals(
                List.of(),
                morning.clashesWith(new Timetable(List.of(s(DayOfWeek.MONDAY, "12:00", "15:00")))),
                "one ending as the other starts is not a clash");
        assertEquals(List.of(), morning.clashesWith(new Timetable(List.of(s(DayOfWeek.TUESDAY, "09:00", "12:00")))));
        assertEquals(
                List.of("MONDAY 09:00-12:00 overlaps MONDAY 11:59-13:00"),
                morning.clashesWith(new Timetable(List.of(s(DayOfWeek.MONDAY, "11:59", "13:00")))));
        assertEquals(
                1,
                morning.clashesWith(new Timetable(List.of(s(DayOfWeek.MONDAY, "10:00", "11:00"))))
                        .size(),
                "a session inside another clashes");
    }
}
