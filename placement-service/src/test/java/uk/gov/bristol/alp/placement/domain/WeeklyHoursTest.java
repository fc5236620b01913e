package uk.gov.bristol.alp.placement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One definition of a pupil's weekly hours at a provider, for the s463 limit and the registration-risk monitor. */
class WeeklyHoursTest {
    private static final LocalDate JAN = LocalDate.of(2027, 1, 4);

    @Test
    void placementsOneAfterTheOtherDoNotAddUp() {
        List<Placement> placements =
                List.of(placement("10", JAN, JAN.plusWeeks(6)), placement("10", JAN.plusWeeks(7), JAN.plusWeeks(12)));
        assertEquals(new BigDecimal("10"), WeeklyHours.peak(placements, JAN, JAN.plusWeeks(12)));
    }

    @Test
    void placementsOnTheSameDaysAddUp() {
        List<Placement> placements =
                List.of(placement("10", JAN, JAN.plusWeeks(6)), placement("8", JAN.plusWeeks(6), JAN.plusWeeks(12)));
        assertEquals(new BigDecimal("18"), WeeklyHours.peak(placements, JAN, JAN.plusWeeks(12)));
        assertEquals(new BigDecimal("18"), WeeklyHours.on(placements, JAN.plusWeeks(6)));
        assertEquals(
                new BigDecimal("8"), WeeklyHours.on(placements, JAN.plusWeeks(6).plusDays(1)));
    }

    @Test
    void onlyThePeriodAskedAboutCounts() {
        List<Placement> placements =
                List.of(placement("10", JAN, JAN.plusWeeks(6)), placement("10", JAN.plusWeeks(4), JAN.plusWeeks(12)));
        assertEquals(new BigDecimal("20"), WeeklyHours.peak(placements, JAN, JAN.plusWeeks(12)));
        assertEquals(new BigDecimal("10"), WeeklyHours.peak(placements, JAN.plusWeeks(7), JAN.plusWeeks(12)));
        assertEquals(new BigDecimal("10"), WeeklyHours.peak(placements, JAN, JAN.plusWeeks(3)));
        assertEquals(BigDecimal.ZERO, WeeklyHours.peak(List.of(), JAN, JAN.plusWeeks(3)));
    }

    private static Placement placement(String hours, LocalDate start, LocalDate end) {
        Placement p = new Placement();
        p.hoursPerWeek = new BigDecimal(hours);
        p.startDate = start;
        p.plannedEndDate = end;
        return p;
    }
}
