package uk.gov.bristol.alp.placement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.codes.PlacementReason;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;

class CensusRecordTest {
    private static final LocalDate CENSUS = LocalDate.of(2027, 1, 21);

    private static Placement placement() {
        Placement p = new Placement();
        p.id = UUID.randomUUID();
        p.commissioner = Placement.Commissioner.SCHOOL;
        p.reasonCode = PlacementReason.SEMH_NEEDS;
        p.reason = "SEMH";
        p.startDate = LocalDate.of(2026, 11, 2);
        p.hoursPerWeek = new BigDecimal("9.00");
        p.apUkprn = "10012345";
        p.timetable = new Timetable(List.of(
                new Timetable.Session(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(15, 0)),
                new Timetable.Session(DayOfWeek.FRIDAY, LocalTime.of(13, 0), LocalTime.of(16, 0))));
        return p;
    }

    private static Pupil pupil() {
        return Pupil.of(
                "B801200005001",
                "Sam",
                "Taylor",
                LocalDate.of(2012, 3, 4),
                "100001",
                SenProvision.K,
                Sex.M,
                null,
                false,
                null);
    }

    private static List<String> rules(Placement p, Pupil pupil) {
        return CensusRecord.of(p, pupil, CENSUS, "PART_TIME").errors().stream()
                .map(FieldError::rule)
                .toList();
    }

    @Test
    void aCompleteRecordPassesAndCountsHalfDaySessions() {
        CensusRecord r = CensusRecord.of(placement(), pupil(), CENSUS, "PART_TIME");
        assertEquals(List.of(), r.errors());
        assertEquals(3, r.sessionsPerWeek(), "Monday morning and afternoon, Friday afternoon");
    }

    @Test
    void anOffRollPupilsPlacementMustEndOnOrBeforeTheDayTheyLeft() {
        Pupil pupil = pupil();
        pupil.leftSchoolOn = LocalDate.of(2026, 12, 18);
        Placement p = placement();
        assertEquals(List.of("offRollPupilEndDate"), rules(p, pupil), "no end date");
        p.endDate = LocalDate.of(2026, 12, 19);
        assertEquals(List.of("offRollPupilEndDate"), rules(p, pupil), "ends the day after");
        p.endDate = LocalDate.of(2026, 12, 18);
        assertEquals(List.of(), rules(p, pupil), "ends the day they left");
    }

    @Test
    void exactlyOneApSettingIdentifierAndEachInItsFormat() {
        Placement p = placement();
        p.apUrn = "123456";
        assertEquals(List.of("exactlyOneOfUrnUkprnSettingType"), rules(p, pupil()));
        p.apUkprn = null;
        p.apUrn = null;
        assertEquals(List.of("exactlyOneOfUrnUkprnSettingType"), rules(p, pupil()));
        p.apSettingType = "XYZ";
        assertEquals(List.of("apSettingType"), rules(p, pupil()));
        p.apSettingType = null;
        p.apUkprn = "20012345";
        assertEquals(List.of("validUkprn"), rules(p, pupil()));
    }

    @Test
    void anEndAfterTheCensusDateIsNotYetKnownAndAPlacementWithoutATimetableIsNamed() {
        Placement p = placement();
        p.endDate = CENSUS.plusDays(1);
        assertEquals(null, CensusRecord.of(p, pupil(), CENSUS, "PART_TIME").endDate());
        p.timetable = new Timetable(List.of());
        assertEquals(List.of("oneToTen"), rules(p, pupil()));
        p.startDate = CENSUS.plusDays(1);
        assertEquals(List.of("onOrBeforeCensusDate", "oneToTen"), rules(p, pupil()));
        p.reasonCode = null; // a panel proposal before the Hub gives one
        assertEquals(List.of("onOrBeforeCensusDate", "required", "oneToTen"), rules(p, pupil()));
    }
}
