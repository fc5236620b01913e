package uk.gov.bristol.alp.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.event.EventTypes;

class NotificationRulesTest {
    private static final String SCHOOL = "100001";
    private static final String PROVIDER = "7d0e1f2a-0000-4000-8000-000000000001";

    private static List<Intent> intents(String type, String kind) {
        return NotificationRules.intents(
                new Occurrence(UUID.randomUUID(), type, SCHOOL, PROVIDER, "ref", kind, Map.of()));
    }

    @Test
    void aSafeguardingConcernGoesToTheHubAndTheSchoolAtOnce() {
        for (String kind : List.of("SAFEGUARDING_CONCERN", "SAFEGUARDING_ESCALATED")) {
            assertEquals(
                    List.of(
                            new Intent(Audience.HUB_DUTY, "", "attention-safeguarding", true),
                            new Intent(Audience.SCHOOL, SCHOOL, "attention-safeguarding", true)),
                    intents(EventTypes.PLACEMENT_ATTENTION_NEEDED, kind));
        }
        assertEquals(
                List.of(
                        new Intent(Audience.HUB_DUTY, "", "attention-not-arrived", true),
                        new Intent(Audience.SCHOOL, SCHOOL, "attention-not-arrived", true)),
                intents(EventTypes.PLACEMENT_ATTENTION_NEEDED, "NOT_ARRIVED"));
    }

    @Test
    void routineAttentionGoesToWhoeverActsOnIt() {
        assertEquals(
                List.of(new Intent(Audience.SCHOOL, SCHOOL, "attention", false)),
                intents(EventTypes.PLACEMENT_ATTENTION_NEEDED, "REVIEW_OVERDUE"));
        assertEquals(
                List.of(
                        new Intent(Audience.SCHOOL, SCHOOL, "attention", false),
                        new Intent(Audience.PROVIDER, PROVIDER, "attention", false)),
                intents(EventTypes.PLACEMENT_ATTENTION_NEEDED, "CONTACT_OVERDUE"));
        assertEquals(
                List.of(new Intent(Audience.HUB_DUTY, "", "attention", false)),
                intents(EventTypes.PLACEMENT_ATTENTION_NEEDED, "SEND_EMERGENCY"));
        // A kind a newer producer adds reaches the Hub rather than nobody.
        assertEquals(
                List.of(new Intent(Audience.HUB_DUTY, "", "attention", false)),
                intents(EventTypes.PLACEMENT_ATTENTION_NEEDED, "SOMETHING_NEW"));
    }

    @Test
    void financeHearsOfPendingApprovalsAndThresholdsOnly() {
        assertEquals(
                List.of(new Intent(Audience.FINANCE_APPROVERS, "", "commitment-awaiting-approval", false)),
                intents(EventTypes.COMMITMENT_CREATED, "PENDING"));
        assertTrue(intents(EventTypes.COMMITMENT_CREATED, "NOT_REQUIRED").isEmpty());
        assertEquals(
                false, intents(EventTypes.BUDGET_THRESHOLD_REACHED, "80").get(0).urgent());
        assertEquals(
                true, intents(EventTypes.BUDGET_THRESHOLD_REACHED, "100").get(0).urgent());
    }

    @Test
    void aReferralToTheSendTeamTellsTheSchoolAndTheSendTeam() {
        assertEquals(
                List.of(
                        new Intent(Audience.SCHOOL, SCHOOL, "panel-decision", false),
                        new Intent(Audience.SEND_TEAM, "", "referred-to-send", false)),
                intents(EventTypes.PANEL_DECISION_MADE, "REFER_TO_SEND"));
        assertEquals(
                List.of(new Intent(Audience.SCHOOL, SCHOOL, "panel-decision", false)),
                intents(EventTypes.PANEL_DECISION_MADE, "DECLINE"));
    }

    @Test
    void eventsForReadModelsNotifyNobody() {
        assertTrue(intents(EventTypes.PLACEMENT_CONFIRMED, null).isEmpty());
        assertTrue(intents(EventTypes.ATTENDANCE_RECORDED, null).isEmpty());
        assertTrue(intents(EventTypes.PROVIDER_APPROVED, null).isEmpty());
    }

    @Test
    void aKeyedAudienceWithoutItsKeyIsLeftOut() {
        List<Intent> none = NotificationRules.intents(
                new Occurrence(UUID.randomUUID(), EventTypes.REFERRAL_RETURNED, null, null, "ref", null, Map.of()));
        assertTrue(none.isEmpty());
    }

    @Test
    void everyKindHasAHeadlineEvenNoneOrAnUnknownOne() {
        assertEquals("review overdue", NotificationRules.attentionHeadline("REVIEW_OVERDUE"));
        assertEquals("something_new", NotificationRules.attentionHeadline("SOMETHING_NEW"));
        assertEquals("needs attention", NotificationRules.attentionHeadline(null));
    }

    @Test
    void retriesBackOffDoublingUpToTheMost() {
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(1);
        assertEquals(Duration.ofSeconds(30), NotificationRules.retryAfter(1, base, max));
        assertEquals(Duration.ofSeconds(60), NotificationRules.retryAfter(2, base, max));
        assertEquals(Duration.ofSeconds(240), NotificationRules.retryAfter(4, base, max));
        assertEquals(max, NotificationRules.retryAfter(9, base, max));
        assertEquals(max, NotificationRules.retryAfter(1000, base, max));
    }
}
