package uk.gov.bristol.alp.platform.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"B801200005001", "X00180001701A"})
    void upnVectorsFromDomainAreValid(String upn) {
        assertTrue(Upn.isValid(upn), upn);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "A801200005001",
                "b801200005001",
                "B80120000500",
                "B8012000050011",
                "B8012000050I1",
                "I801200005001",
                "B80120000500O",
                "B80120000500S"
            })
    void malformedOrWrongCheckLetterUpnsAreInvalid(String upn) {
        assertFalse(Upn.isValid(upn), String.valueOf(upn));
    }

    @Test
    void checkLetterIsComputedFromPositionsTwoToThirteen() {
        assertEquals('B', Upn.checkLetter("801200005001"));
        assertEquals('X', Upn.checkLetter("00180001701A"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100001", "000000", "999999"})
    void sixDigitUrnsAreValid(String urn) {
        assertTrue(Urn.isValid(urn));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"10000", "1000001", "10000A", " 100001"})
    void otherUrnsAreInvalid(String urn) {
        assertFalse(Urn.isValid(urn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000001", "19999999"})
    void ukprnsStartingWithOneAreValid(String ukprn) {
        assertTrue(Ukprn.isValid(ukprn));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"20000001", "1000001", "100000001", "1000000A"})
    void otherUkprnsAreInvalid(String ukprn) {
        assertFalse(Ukprn.isValid(ukprn));
    }
}
