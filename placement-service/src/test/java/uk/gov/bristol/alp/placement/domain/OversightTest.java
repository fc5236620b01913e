package uk.gov.bristol.alp.placement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;

class OversightTest {
    private static final LocalDate START = LocalDate.of(2026, 11, 2); // a Monday
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    private static final SchoolCalendar TERM = new SchoolCalendar(Set.of(LocalDate.of(2026, 11, 23)));
    private final Oversight oversight = new Oversight(42, 7, Duration.ofMinutes(30));

    private static Placement placement(Timetable.Session... sessions) {
        Placement p = new Placement();
        p.id = UUID.randomUUID();
        p.schoolUrn = "100001";
        p.providerId = UUID.randomUUID();
        p.startDate = START;
        p.plannedEndDate = START.plusWeeks(12);
        p.timetable = new Timetable(List.of(sessions));
        return p;
    }

    private static Timetable.Session monday(String start, String end) {
        return new Timetable.Session(DayOfWeek.MONDAY, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static ZonedDateTime at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), ZoneId.of("Europe/London"));
    }

    @Test
    void contactIsOverdueTheDayAfterAWeekWithoutIt() {
        Placement p = placement();
        assertTrue(oversight.contactOverdue(p, null, START.plusDays(7)).isEmpty());
        var concern = oversight.contactOverdue(p, null, START.plusDays(8)).orElseThrow();
        assertEquals(START.plusDays(7).toString(), concern.occurrence());
        assertTrue(oversight
                .contactOverdue(p, START.plusDays(5), START.plusDays(12))
                .isEmpty());
        assertEquals(
                START.plusDays(12),
                oversight
                        .contactOverdue(p, START.plusDays(5), START.plusDays(13))
                        .orElseThrow()
                        .since());
    }

    @Test
    void aConfirmedPlacementNotStartedTheDayAfterItsStartDateIsAConcern() {
        Placement p = placement();
        p.status = Placement.Status.CONFIRMED;
        assertTrue(oversight.notStarted(p, START).isEmpty());
        assertEquals(
                Oversight.Kind.NOT_STARTED,
                oversight.notStarted(p, START.plusDays(1)).orElseThrow().kind());
        p.status = Placement.Status.ACTIVE;
        assertTrue(oversight.notStarted(p, START.plusDays(1)).isEmpty());
    }

    @Test
    void theFirstReviewIsDueSixWeeksAfterTheStartAndEachReviewSetsTheNext() {
        Placement p = placement();
        assertTrue(oversight.reviewOverdue(p, null, START.plusDays(42)).isEmpty());
        assertEquals(
                Oversight.Kind.REVIEW_OVERDUE,
                oversight
                        .reviewOverdue(p, null, START.plusDays(43))
                        .orElseThrow()
                        .kind());
        assertTrue(oversight
                .reviewOverdue(p, START.plusDays(60), START.plusDays(60))
                .isEmpty());
    }

    @Test
    void aPupilNotMarkedThirtyMinutesIntoASessionHasNotArrivedOncePerHalfDay() {
        Placement p = placement(monday("09:00", "10:00"), monday("10:30", "12:00"), monday("13:00", "15:00"));
        assertEquals(List.of(), oversight.notArrived(p, Set.of(), at(MONDAY, "09:29"), TERM));
        List<Oversight.Concern> morning = oversight.notArrived(p, Set.of(), at(MONDAY, "11:00"), TERM);
        assertEquals(
                List.of(MONDAY + "/AM"),
                morning.stream().map(Oversight.Concern::occurrence).toList());
        assertEquals(
                List.of(MONDAY + "/PM"),
                oversight.notArrived(p, Set.of("AM"), at(MONDAY, "13:30"), TERM).stream()
                        .map(Oversight.Concern::occurrence)
                        .toList());
        assertEquals(List.of(), oversight.notArrived(p, Set.of("AM", "PM"), at(MONDAY, "16:00"), TERM));
        assertEquals(
                List.of(),
                oversight.notArrived(p, Set.of(), at(MONDAY.plusDays(1), "11:00"), TERM),
                "no session on Tuesdays");
        assertEquals(
                List.of(),
                oversight.notArrived(p, Set.of(), at(LocalDate.of(2026, 11, 23), "11:00"), TERM),
                "a closure day");
        assertEquals(
                List.of(),
                oversight.notArrived(p, Set.of(), at(START.minusWeeks(1), "11:00"), TERM),
                "before the placement starts");
    }

    @Test
    void aKeepInTouchDateThatPassesWithoutContactIsDue() {
        Placement p = placement();
        LocalDate first = START.plusWeeks(14);
        p.transitionPlan = new TransitionPlan(
                TransitionPlan.Destination.RETURN_TO_SCHOOL,
                null,
                true,
                "plan",
                "strategies",
                List.of(first, first.plusWeeks(6)),
                null);
        assertEquals(List.of(), oversight.keepInTouchDue(p, null, first.minusDays(1)));
        assertEquals(
                List.of(first.toString()),
                oversight.keepInTouchDue(p, null, first).stream()
                        .map(Oversight.Concern::occurrence)
                        .toList());
        assertEquals(List.of(), oversight.keepInTouchDue(p, first, first.plusDays(3)));
    }
}
