package uk.gov.bristol.alp.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.bristol.alp.notification.rest.NotificationFixtures.HUB_INBOX;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.notification.service.Digests;
import uk.gov.bristol.alp.notification.service.Dispatcher;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.SmtpServer;
import uk.gov.bristol.alp.testing.SmtpServer.Received;
import uk.gov.bristol.alp.testing.SmtpTestResource;
import uk.gov.bristol.alp.testing.TestEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/**
 * Notifications end to end inside the service: events from the real broker, emails to a real SMTP server
 * (GreenMail), the delivery log and the register through the API.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_notification"))
@QuarkusTestResource(SmtpTestResource.class)
class NotificationTest {
    private static final UUID PROVIDER = UUID.fromString("7d0e1f2a-0000-4000-8000-0000000000aa");

    @Inject
    Digests digests;

    @Inject
    Dispatcher dispatcher;

    @Inject
    EntityManager em;

    private final SmtpServer smtp = SmtpTestResource.server();

    @BeforeEach
    void hubInbox() {
        smtp.startAgain();
        NotificationFixtures.registerHubInbox();
    }

    @Test
    void aSafeguardingConcernReachesTheHubAndTheSchoolOnceEachAtOnceWithNoPupilDetails() {
        String urn = NotificationFixtures.newSchoolUrn();
        String schoolInbox = "dsl-" + urn + "@school.test";
        // The school chose a daily digest: a safeguarding concern still goes at once.
        NotificationFixtures.register(TestTokens.school(urn), "SCHOOL", urn, schoolInbox, "DAILY_DIGEST");
        UUID placement = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = NotificationFixtures.attention(eventId, placement, urn, PROVIDER, "SAFEGUARDING_CONCERN");

        // Delivered twice (a redelivery, a replay): notified once.
        NotificationFixtures.publishPlacementEvent(placement, event);
        NotificationFixtures.publishPlacementEvent(placement, event);

        List<Received> toSchool = smtp.awaitReceivedBy(schoolInbox, 1, Duration.ofSeconds(30));
        String shortRef = placement.toString().substring(0, 8);
        List<Received> toHub = awaitHubEmails(shortRef, 1);
        NotificationFixtures.awaitStatus(placement.toString(), "HUB_DUTY", "SENT");
        dispatcher.dispatchDue();
        assertEquals(1, smtp.receivedBy(schoolInbox).size(), "exactly one email to the school");
        assertEquals(1, hubEmails(shortRef).size(), "exactly one email to the Hub");
        assertEquals(
                2,
                NotificationFixtures.log(TestTokens.hubOfficer(), "reference=" + placement)
                        .getList("items")
                        .size());

        Received email = toSchool.get(0);
        assertTrue(email.subject().startsWith("URGENT ALP placement " + shortRef), email.subject());
        assertTrue(email.body().contains(placement.toString()));
        for (Received r : List.of(email, toHub.get(0))) {
            assertFalse((r.subject() + r.body()).contains("Tom Smith"), "what the concern says never goes by email");
            assertTrue(r.messageId().contains("@alp.bristol.gov.uk"));
        }
    }

    @Test
    void aPanelDecisionTellsTheReferringSchoolWithoutThePupilsName() {
        String urn = NotificationFixtures.newSchoolUrn();
        String schoolInbox = "senco-" + urn + "@school.test";
        NotificationFixtures.register(TestTokens.hubOfficer(), "SCHOOL", urn, schoolInbox, "IMMEDIATE");
        UUID referral = UUID.randomUUID();
        Map<String, Object> data = Map.of(
                "decisionId",
                UUID.randomUUID().toString(),
                "referralId",
                referral.toString(),
                "outcome",
                "APPROVE_PLACEMENT",
                "schoolUrn",
                urn,
                "decidedAt",
                OffsetDateTime.now().toString(),
                "decidedBy",
                "chair",
                "needsFinanceApproval",
                false,
                "pupil",
                Map.of("upn", "A123456789012", "firstName", "Amelia", "lastName", "Zebedee-Quirke"));
        TestEvents.publish(
                "alp.panel.v1",
                referral.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.panel.decision-made.v1",
                        referral.toString(),
                        OffsetDateTime.now(),
                        data));

        Received email =
                smtp.awaitReceivedBy(schoolInbox, 1, Duration.ofSeconds(30)).get(0);
        assertTrue(email.subject().contains("Inclusion Panel decision"), email.subject());
        assertTrue(email.body().contains("APPROVE_PLACEMENT"));
        for (String secret : List.of("Amelia", "Zebedee", "A123456789012")) {
            assertFalse(email.subject().contains(secret), "no pupil details in the subject");
            assertFalse(email.body().contains(secret), "no pupil details in the body");
        }
    }

    @Test
    void aRelayFailureIsRetriedUntilItTakesTheMessageAndThenGivesUp() {
        String urn = NotificationFixtures.newSchoolUrn();
        String schoolInbox = "office-" + urn + "@school.test";
        NotificationFixtures.register(TestTokens.hubOfficer(), "SCHOOL", urn, schoolInbox, "IMMEDIATE");
        UUID placement = UUID.randomUUID();

        smtp.stop();
        NotificationFixtures.publishPlacementEvent(
                placement,
                NotificationFixtures.attention(UUID.randomUUID(), placement, urn, PROVIDER, "REVIEW_OVERDUE"));
        Map<String, Object> failedOnce = NotificationFixtures.awaitItem(
                placement.toString(), "SCHOOL", n -> ((Number) n.get("attempts")).intValue() >= 1);
        assertEquals("PENDING", failedOnce.get("status"));
        assertTrue(String.valueOf(failedOnce.get("lastError")).contains("relay"), failedOnce.toString());

        smtp.startAgain();
        Received email =
                smtp.awaitReceivedBy(schoolInbox, 1, Duration.ofSeconds(30)).get(0);
        assertTrue(email.subject().contains("review overdue"), email.subject());
        Map<String, Object> sent = NotificationFixtures.awaitStatus(placement.toString(), "SCHOOL", "SENT");
        assertTrue(((Number) sent.get("attempts")).intValue() >= 1);

        // A relay away for longer than every retry: FAILED, for an officer, who resends it once the relay is back.
        UUID second = UUID.randomUUID();
        smtp.stop();
        NotificationFixtures.publishPlacementEvent(
                second, NotificationFixtures.attention(UUID.randomUUID(), second, urn, PROVIDER, "NOT_STARTED"));
        Map<String, Object> failed = NotificationFixtures.awaitStatus(second.toString(), "SCHOOL", "FAILED");
        assertEquals(4, ((Number) failed.get("attempts")).intValue());
        smtp.startAgain();
        given().header("Authorization", TestTokens.school(urn))
                .post("/api/v1/notifications/{id}/resend", failed.get("id"))
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/notifications/{id}/resend", failed.get("id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("resentBy", equalTo("hub.officer"));
        smtp.awaitReceivedBy(schoolInbox, 1, Duration.ofSeconds(30));
        NotificationFixtures.awaitStatus(second.toString(), "SCHOOL", "SENT");
    }

    @Test
    void aSendCutShortIsUncertainAndNeverSentTwiceOnItsOwn() {
        String urn = NotificationFixtures.newSchoolUrn();
        NotificationFixtures.register(TestTokens.hubOfficer(), "SCHOOL", urn, "x-" + urn + "@school.test", "IMMEDIATE");
        UUID placement = UUID.randomUUID();
        NotificationFixtures.publishPlacementEvent(
                placement, NotificationFixtures.attention(UUID.randomUUID(), placement, urn, PROVIDER, "NOT_STARTED"));
        Map<String, Object> sent = NotificationFixtures.awaitStatus(placement.toString(), "SCHOOL", "SENT");

        // As if the sender had stopped between handing it to the relay and recording the answer, long ago.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        update notification set status = 'SENDING', sending_since = now() - interval '1 hour'
                        where id = :id""")
                        .setParameter("id", UUID.fromString((String) sent.get("id")))
                        .executeUpdate());
        dispatcher.dispatchDue();

        Map<String, Object> uncertain = NotificationFixtures.log(TestTokens.hubOfficer(), "reference=" + placement)
                .getMap("items[0]");
        assertEquals("UNCERTAIN", uncertain.get("status"));
        assertEquals(1, smtp.receivedBy("x-" + urn + "@school.test").size(), "not sent again on its own");
    }

    @Test
    void aDigestCarriesRoutineNotificationsOnceAndUrgentOnesNeverWait() {
        String urn = NotificationFixtures.newSchoolUrn();
        String schoolInbox = "digest-" + urn + "@school.test";
        NotificationFixtures.register(TestTokens.school(urn), "SCHOOL", urn, schoolInbox, "DAILY_DIGEST");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        NotificationFixtures.publishPlacementEvent(
                first, NotificationFixtures.attention(UUID.randomUUID(), first, urn, PROVIDER, "REVIEW_OVERDUE"));
        NotificationFixtures.publishPlacementEvent(
                second, NotificationFixtures.attention(UUID.randomUUID(), second, urn, PROVIDER, "ATTENDANCE_CONCERN"));
        NotificationFixtures.awaitStatus(first.toString(), "SCHOOL", "QUEUED_FOR_DIGEST");
        NotificationFixtures.awaitStatus(second.toString(), "SCHOOL", "QUEUED_FOR_DIGEST");
        assertEquals(0, smtp.receivedBy(schoolInbox).size());

        assertTrue(digests.compose() >= 1);
        assertEquals(0, digests.compose(), "each waiting notification is in one digest only");
        Received digest =
                smtp.awaitReceivedBy(schoolInbox, 1, Duration.ofSeconds(30)).get(0);
        assertTrue(digest.subject().startsWith("ALP daily digest: 2 notification(s)"), digest.subject());
        assertTrue(digest.body().contains(first.toString().substring(0, 8)));
        assertTrue(digest.body().contains(second.toString().substring(0, 8)));
        assertEquals(
                "IN_DIGEST",
                NotificationFixtures.log(TestTokens.school(urn), "reference=" + first)
                        .getString("items[0].status"));
    }

    @Test
    void aNotificationWithNobodyToTellIsLoggedAndSentOnceSomeoneRegisters() {
        String urn = NotificationFixtures.newSchoolUrn();
        UUID referral = UUID.randomUUID();
        TestEvents.publish(
                "alp.panel.v1",
                referral.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.referral.returned.v1",
                        referral.toString(),
                        OffsetDateTime.now(),
                        Map.of(
                                "referralId",
                                referral.toString(),
                                "schoolUrn",
                                urn,
                                "reason",
                                "Needs the EP report",
                                "returnedBy",
                                "hub.officer",
                                "returnedAt",
                                OffsetDateTime.now().toString())));
        Map<String, Object> missed = NotificationFixtures.awaitStatus(referral.toString(), "SCHOOL", "NO_RECIPIENT");
        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/notifications/{id}/resend", missed.get("id"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/notification-not-resendable"));

        String inbox = "late-" + urn + "@school.test";
        NotificationFixtures.register(TestTokens.school(urn), "SCHOOL", urn, inbox, "IMMEDIATE");
        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/notifications/{id}/resend", missed.get("id"))
                .then()
                .statusCode(200);
        Received email = smtp.awaitReceivedBy(inbox, 1, Duration.ofSeconds(30)).get(0);
        assertTrue(email.subject().contains("returned for more information"));
        assertFalse(email.body().contains("EP report"), "the free-text reason stays in ALP");
    }

    @Test
    void eachCallerSeesAndManagesOnlyTheirOwn() {
        String urn = NotificationFixtures.newSchoolUrn();
        String other = NotificationFixtures.newSchoolUrn();
        NotificationFixtures.register(
                TestTokens.school(urn), "SCHOOL", urn, "own-" + urn + "@school.test", "IMMEDIATE");
        UUID placement = UUID.randomUUID();
        NotificationFixtures.publishPlacementEvent(
                placement,
                NotificationFixtures.attention(UUID.randomUUID(), placement, other, PROVIDER, "REVIEW_OVERDUE"));
        Map<String, Object> othersNotification =
                NotificationFixtures.awaitStatus(placement.toString(), "SCHOOL", "NO_RECIPIENT");

        // Another school's notification: not in the list, 404 by id.
        assertTrue(NotificationFixtures.log(TestTokens.school(urn), "reference=" + placement)
                .getList("items")
                .isEmpty());
        given().header("Authorization", TestTokens.school(urn))
                .get("/api/v1/notifications/{id}", othersNotification.get("id"))
                .then()
                .statusCode(404);
        // ... nor its address.
        NotificationFixtures.putRecipient(
                        TestTokens.school(urn),
                        Map.of("audience", "SCHOOL", "key", other, "email", "a@b.test", "preference", "IMMEDIATE"))
                .statusCode(403)
                .body("errors.field", hasItem("audience"));
        given().header("Authorization", TestTokens.school(urn))
                .get("/api/v1/notification-recipients")
                .then()
                .statusCode(200)
                .body("items.key", equalTo(List.of(urn)));
        // The Hub's inbox is the Hub's; an auditor reads and never writes.
        NotificationFixtures.putRecipient(
                        TestTokens.financeOfficer(),
                        Map.of("audience", "HUB_DUTY", "email", "a@b.test", "preference", "IMMEDIATE"))
                .statusCode(403);
        NotificationFixtures.putRecipient(
                        TestTokens.auditor(),
                        Map.of("audience", "HUB_DUTY", "email", "a@b.test", "preference", "IMMEDIATE"))
                .statusCode(403);
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/notifications/{id}", othersNotification.get("id"))
                .then()
                .statusCode(200);
    }

    @Test
    void aRecipientIsCheckedFieldByField() {
        NotificationFixtures.putRecipient(
                        TestTokens.hubOfficer(),
                        Map.of("audience", "SCHOOL", "key", "12345", "email", "a@b.test", "preference", "IMMEDIATE"))
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/recipient-key"))
                .body("errors[0].field", equalTo("key"));
        NotificationFixtures.putRecipient(
                        TestTokens.hubOfficer(),
                        Map.of("audience", "HUB_DUTY", "key", "x", "email", "a@b.test", "preference", "IMMEDIATE"))
                .statusCode(422)
                .body("errors[0].field", equalTo("key"));
        NotificationFixtures.putRecipient(
                        TestTokens.hubOfficer(),
                        Map.of("audience", "HUB_DUTY", "email", "not an address", "preference", "SOMETIMES"))
                .statusCode(400)
                .contentType("application/problem+json");
        NotificationFixtures.putRecipient(
                        TestTokens.hubOfficer(),
                        Map.of("audience", "HUB_DUTY", "email", "not an address", "preference", "IMMEDIATE"))
                .statusCode(400)
                .body("errors.field", hasItem(endsWith("email")));
    }

    @Test
    void everyKindOfNewsRendersItsTemplateFromWhatItsEventCarries() {
        String urn = NotificationFixtures.newSchoolUrn();
        UUID provider = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        UUID overdue = UUID.randomUUID();
        UUID budget = UUID.randomUUID();
        UUID decided = UUID.randomUUID();
        UUID notArrived = UUID.randomUUID();
        String now = OffsetDateTime.now().toString();
        publish(
                "alp.panel.v1",
                referral,
                "referral.submitted.v1",
                Map.of(
                        "referralId",
                        referral.toString(),
                        "schoolUrn",
                        urn,
                        "requested",
                        "PART_TIME_PLACEMENT",
                        "submittedAt",
                        now));
        publish(
                "alp.panel.v1",
                decided,
                "panel.decision-made.v1",
                Map.of(
                        "decisionId",
                        UUID.randomUUID().toString(),
                        "referralId",
                        decided.toString(),
                        "outcome",
                        "REFER_TO_SEND",
                        "schoolUrn",
                        urn,
                        "decidedAt",
                        now,
                        "decidedBy",
                        "chair",
                        "needsFinanceApproval",
                        false));
        publish(
                "alp.placements.v1",
                placement,
                "placement.proposed.v1",
                Map.of(
                        "placementId", placement.toString(),
                        "providerId", provider.toString(),
                        "schoolUrn", urn,
                        "commissioner", "ALP_HUB",
                        "route", "PANEL_DECISION",
                        "status", "PROPOSED",
                        "startDate", "2026-12-07",
                        "plannedEndDate", "2027-02-12",
                        "hoursPerWeek", "10"));
        NotificationFixtures.publishPlacementEvent(
                notArrived,
                NotificationFixtures.attention(UUID.randomUUID(), notArrived, urn, provider, "NOT_ARRIVED"));
        publish(
                "alp.providers.v1",
                provider,
                "provider.compliance-lapsed.v1",
                Map.of(
                        "providerId", provider.toString(),
                        "name", "Harbourside Tuition",
                        "registrationStatus", "UNREGISTERED",
                        "leadAuthority", "bristol",
                        "frameworkStatus", "APPROVED",
                        "compliant", false,
                        "compliantUntil", "2026-11-30"));
        UUID expiring = UUID.randomUUID();
        publish(
                "alp.providers.v1",
                expiring,
                "provider.evidence-expiring.v1",
                Map.of(
                        "providerId", expiring.toString(),
                        "name", "Redland Studio School",
                        "registrationStatus", "UNREGISTERED",
                        "leadAuthority", "bristol",
                        "frameworkStatus", "APPROVED",
                        "compliant", true,
                        "compliantUntil", "2027-01-10"));
        publish(
                "alp.finance.v1",
                placement,
                "finance.commitment-created.v1",
                Map.of(
                        "commitmentId", commitment.toString(),
                        "placementId", placement.toString(),
                        "providerId", provider.toString(),
                        "hoursPerWeek", "10",
                        "startDate", "2026-12-07",
                        "plannedEndDate", "2027-02-12",
                        "weeks", "9.0000",
                        "forecastCost", "31500.00",
                        "status", "COMMITTED",
                        "approval", "PENDING"));
        publish(
                "alp.finance.v1",
                placement,
                "finance.commitment-approval-overdue.v1",
                Map.of(
                        "commitmentId",
                        overdue.toString(),
                        "placementId",
                        placement.toString(),
                        "providerId",
                        provider.toString(),
                        "ehcPlan",
                        false,
                        "ehcNeedsAssessment",
                        true,
                        "forecastCost",
                        "31500.00",
                        "dueBy",
                        now));
        publish(
                "alp.finance.v1",
                budget,
                "finance.budget-threshold-reached.v1",
                Map.of(
                        "budgetId", budget.toString(),
                        "financialYear", "2026-27",
                        "costCode", "ALP-HUB-01",
                        "level", 100,
                        "budget", "100000.00",
                        "committed", "100250.00",
                        "reachedAt", now));

        Map<UUID, String> expected = Map.of(
                referral, "submitted by school " + urn,
                decided, "referred to the SEND team",
                placement, "proposed to you",
                notArrived, "pupil not arrived today",
                provider, "evidence lapsed: Harbourside Tuition",
                expiring, "evidence expires on 2027-01-10: Redland Studio School",
                commitment, "awaits finance approval",
                overdue, "overdue for finance approval",
                budget, "ALP budget ALP-HUB-01 2026-27 has reached 100%");
        expected.forEach((reference, words) -> {
            List<Map<String, Object>> logged = NotificationFixtures.awaitLogged(reference.toString(), 1);
            assertTrue(
                    logged.stream()
                            .anyMatch(n -> String.valueOf(n.get("subject")).contains(words)),
                    reference + ": " + logged);
        });
        String body = given().header("Authorization", TestTokens.hubOfficer())
                .get(
                        "/api/v1/notifications/{id}",
                        NotificationFixtures.awaitLogged(overdue.toString(), 1)
                                .get(0)
                                .get("id"))
                .then()
                .statusCode(200)
                .extract()
                .path("body");
        assertTrue(body.contains("an EHC needs assessment is under way"), body);
    }

    private static void publish(String topic, UUID subject, String type, Map<String, Object> data) {
        TestEvents.publish(
                topic,
                subject.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp." + type,
                        subject.toString(),
                        OffsetDateTime.now(),
                        data));
    }

    private List<Received> hubEmails(String shortRef) {
        return smtp.receivedBy(HUB_INBOX).stream()
                .filter(r -> r.subject().contains(shortRef))
                .toList();
    }

    private List<Received> awaitHubEmails(String shortRef, int count) {
        Ports.await(
                count + " Hub email(s) about " + shortRef,
                Duration.ofSeconds(30),
                () -> hubEmails(shortRef).size() >= count);
        return hubEmails(shortRef);
    }
}
