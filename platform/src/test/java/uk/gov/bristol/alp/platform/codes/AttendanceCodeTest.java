package uk.gov.bristol.alp.platform.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttendanceCodeTest {
    private static final LocalDate LAST_DAY_OLD_RULES = LocalDate.of(2024, 8, 18);
    private static final LocalDate FIRST_DAY_NEW_RULES = LocalDate.of(2024, 8, 19);

    @ParameterizedTest
    @ValueSource(strings = {"H", "Y", "J"})
    void withdrawnCodesAreValidOnlyBefore19August2024(String code) {
        AttendanceCode c = AttendanceCode.fromCode(code).orElseThrow();
        assertTrue(c.isValidOn(LAST_DAY_OLD_RULES), code + " on 18 Aug 2024");
        assertFalse(c.isValidOn(FIRST_DAY_NEW_RULES), code + " on 19 Aug 2024");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "\\", "L", "B", "K", "D", "C1", "C2", "J1", "P", "Q", "V", "Y1", "Y7", "#"})
    void currentCodesAreValidFrom19August2024(String code) {
        assertTrue(AttendanceCode.fromCode(code).orElseThrow().isValidOn(FIRST_DAY_NEW_RULES), code);
    }

    @Test
    void unknownCodesAreNotFound() {
        assertTrue(AttendanceCode.fromCode("F").isEmpty());
        assertTrue(AttendanceCode.fromCode("y1").isEmpty());
    }

    @Test
    void ethnicityListHasTheTwentyMainCodes() {
        assertEquals(20, Ethnicity.values().length);
    }

    @Test
    void attendingIsPresentLateOrAnApprovedActivityNeverAnAbsence() {
        for (String code : List.of("/", "\\", "L", "K", "V", "P", "W", "B")) {
            assertTrue(AttendanceCode.fromCode(code).orElseThrow().countsAsAttending(), code);
        }
        for (String code : List.of("I", "M", "O", "G", "N", "U", "E", "D", "C2", "#", "Y1")) {
            assertFalse(AttendanceCode.fromCode(code).orElseThrow().countsAsAttending(), code);
        }
    }

    @Test
    void notRequiredClosuresUnavoidableCausesAndDualRegistrationAreNotPossibleSessions() {
        for (String code : List.of("X", "Z", "#", "Y1", "Y7", "D")) {
            assertFalse(AttendanceCode.fromCode(code).orElseThrow().countsAsPossible(), code);
        }
        for (String code : List.of("/", "I", "O", "G", "N", "C2", "M")) {
            assertTrue(AttendanceCode.fromCode(code).orElseThrow().countsAsPossible(), code);
        }
    }
}
