package uk.gov.bristol.alp.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.codes.CheckKind;

class ComplianceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant RECORDED = Instant.parse("2026-11-22T09:00:00Z");

    private static List<CheckRecord> allPassedExpiring(LocalDate expiry) {
        return new ArrayList<>(Arrays.stream(CheckKind.values())
                .filter(k -> k.mandatory)
                .map(k -> new CheckRecord(k, CheckOutcome.PASSED, TODAY.minusMonths(1), expiry, RECORDED))
                .toList());
    }

    @Test
    void allMandatoryChecksPassedAndInDateIsCompliantUntilTheEarliestExpiry() {
        List<CheckRecord> checks = allPassedExpiring(TODAY.plusYears(1));
        checks.set(
                2,
                new CheckRecord(
                        checks.get(2).kind(), CheckOutcome.PASSED, TODAY.minusDays(3), TODAY.plusDays(10), RECORDED));
        Compliance c = Compliance.on(TODAY, checks);
        assertTrue(c.compliant());
        assertEquals(TODAY.plusDays(10), c.compliantUntil());
    }

    @Test
    void aCheckExpiringTodayIsStillInDate() {
        assertTrue(Compliance.on(TODAY, allPassedExpiring(TODAY)).compliant());
    }

    @Test
    void aCheckThatExpiredYesterdayIsAGap() {
        Compliance c = Compliance.on(TODAY, allPassedExpiring(TODAY.minusDays(1)));
        assertFalse(c.compliant());
        assertEquals("expired", c.gaps().get(0).problem());
        assertEquals(TODAY.minusDays(1), c.gaps().get(0).expiredOn());
    }

    @Test
    void aMissingMandatoryCheckIsNamed() {
        List<CheckRecord> checks = allPassedExpiring(TODAY.plusYears(1));
        checks.removeIf(c -> c.kind() == CheckKind.INSURANCE);
        Compliance c = Compliance.on(TODAY, checks);
        assertFalse(c.compliant());
        assertEquals(List.of(new Compliance.Gap(CheckKind.INSURANCE, "missing", null)), c.gaps());
    }

    @Test
    void aLaterFailedCheckReplacesAnEarlierPass() {
        List<CheckRecord> checks = allPassedExpiring(TODAY.plusYears(1));
        checks.add(new CheckRecord(
                CheckKind.SAFEGUARDING_POLICY_AND_PRACTICE, CheckOutcome.FAILED, TODAY, null, RECORDED));
        Compliance c = Compliance.on(TODAY, checks);
        assertFalse(c.compliant());
        assertEquals(CheckKind.SAFEGUARDING_POLICY_AND_PRACTICE, c.gaps().get(0).kind());
    }

    @Test
    void onTheSameCheckedDayTheLaterRecordedCheckWins() {
        LocalDate sameDay = TODAY.minusMonths(1);
        List<CheckRecord> checks = allPassedExpiring(TODAY.minusDays(1));
        checks.addAll(Arrays.stream(CheckKind.values())
                .filter(k -> k.mandatory)
                .map(k ->
                        new CheckRecord(k, CheckOutcome.PASSED, sameDay, TODAY.plusYears(1), RECORDED.plusSeconds(60)))
                .toList());
        assertTrue(Compliance.on(TODAY, checks).compliant(), "renewed evidence recorded later the same day counts");
        Collections.reverse(checks);
        assertTrue(Compliance.on(TODAY, checks).compliant(), "whatever order the history arrives in");
    }

    @Test
    void theOptionalQualityAssuranceVisitIsNotNeeded() {
        assertTrue(Compliance.on(TODAY, allPassedExpiring(null)).compliant());
        assertEquals(null, Compliance.on(TODAY, allPassedExpiring(null)).compliantUntil());
    }
}
