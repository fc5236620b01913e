package uk.gov.bristol.alp.panel.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.approvePlacement;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.decide;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.decision;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.meeting;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.meetingWithAgenda;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.pupil;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.referral;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.submit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_panel"))
class DecisionTest {
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";

    @Test
    void theAgendaPutsFairAccessCasesFirstAndAReferralOnOneAgendaOnly() {
        String ordinary = submit();
        Map<String, Object> fair = referral(true, true);
        fair.put("fairAccess", true);
        String fairAccess = submit(fair);
        String meeting = meetingWithAgenda();
        List<String> agenda = given().header("Authorization", TestTokens.panelMember())
                .get("/api/v1/panel-meetings/{id}", meeting)
                .then()
                .statusCode(200)
                .body("quorum", equalTo(3))
                .extract()
                .path("agenda.referralId");
        assertEquals(true, agenda.indexOf(fairAccess) < agenda.indexOf(ordinary), "Fair Access first: " + agenda);
        given().header("Authorization", PanelFixtures.SCHOOL_A)
                .get("/api/v1/referrals/{id}", ordinary)
                .then()
                .body("status", equalTo("SCHEDULED"));
        String next = meetingWithAgenda();
        given().header("Authorization", TestTokens.panelMember())
                .get("/api/v1/panel-meetings/{id}", next)
                .then()
                .body("agenda.referralId", not(hasItem(ordinary)));
        given().header("Authorization", PanelFixtures.SCHOOL_A)
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2026-12-01", "members", List.of("A"), "quorum", 1))
                .post("/api/v1/panel-meetings")
                .then()
                .statusCode(403);
    }

    @Test
    void aMeetingCannotNeedMoreMembersThanItHas() {
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2026-12-01", "members", List.of("A", "B"), "quorum", 3))
                .post("/api/v1/panel-meetings")
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "quorum-exceeds-members"))
                .body("errors[0].field", equalTo("quorum"));
    }

    @Test
    void onlyTheChairDecidesAndOnlyOnceUnlessSuperseding() {
        String referral = submit();
        String meeting = meetingWithAgenda();
        UUID provider = UUID.randomUUID();
        given().header("Authorization", TestTokens.panelMember())
                .contentType(ContentType.JSON)
                .body(approvePlacement(meeting, provider, null))
                .post("/api/v1/referrals/{id}/decision", referral)
                .then()
                .statusCode(403);
        String first = decide(referral, approvePlacement(meeting, provider, null))
                .statusCode(201)
                .body("outcome", equalTo("APPROVE_PLACEMENT"))
                .body("supersedes", nullValue())
                .extract()
                .path("id");

        decide(referral, decision(meeting, "DECLINE"))
                .statusCode(409)
                .body("type", equalTo(RULES + "referral-already-decided"))
                .body("errors[0].field", equalTo("supersedes"));
        Map<String, Object> noReason = decision(meeting, "DECLINE");
        noReason.put("supersedes", first);
        decide(referral, noReason).statusCode(422).body("errors[0].field", equalTo("supersedeReason"));
        Map<String, Object> wrongTarget = decision(meeting, "DECLINE");
        wrongTarget.put("supersedes", UUID.randomUUID().toString());
        wrongTarget.put("supersedeReason", "x");
        decide(referral, wrongTarget).statusCode(409).body("type", equalTo(RULES + "decision-supersede-target"));

        String later = meeting(3);
        Map<String, Object> superseding = decision(later, "DECLINE");
        superseding.put("supersedes", first);
        superseding.put("supersedeReason", "The provider withdrew its offer of a place");
        String second = decide(referral, superseding)
                .statusCode(201)
                .body("supersedes", equalTo(first))
                .extract()
                .path("id");

        given().header("Authorization", TestTokens.panelMember())
                .get("/api/v1/referrals/{id}/decisions", referral)
                .then()
                .statusCode(200)
                .body("id", contains(first, second))
                .body("[0].outcome", equalTo("APPROVE_PLACEMENT"))
                .body("[1].outcome", equalTo("DECLINE"));
        Map<String, Object> supersedeOld = decision(later, "APPROVE_IN_REACH");
        supersedeOld.put("supersedes", first);
        supersedeOld.put("supersedeReason", "again");
        decide(referral, supersedeOld).statusCode(409).body("type", equalTo(RULES + "decision-supersede-target"));

        JsonNode event = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.panel.v1",
                e -> second.equals(e.path("data").path("decisionId").asText()),
                Duration.ofSeconds(20));
        assertEquals(first, event.path("data").path("supersedesDecisionId").asText());
        assertEquals(true, event.path("data").path("pupil").isNull(), "a decline carries no pupil identity");
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.panel.v1", event));
    }

    @Test
    void aDecisionNeedsAQuorateMeetingOfItsMembersWithTheReferralOnItsAgenda() {
        String referral = submit();
        String empty = meeting(3);
        decide(referral, decision(empty, "DEFER"))
                .statusCode(409)
                .body("type", equalTo(RULES + "referral-not-on-agenda"));
        String meeting = meetingWithAgenda();
        Map<String, Object> twoPresent = decision(meeting, "DEFER");
        twoPresent.put("membersPresent", List.of("Chair", "Hub lead", "Hub lead"));
        decide(referral, twoPresent).statusCode(422).body("type", equalTo(RULES + "panel-not-quorate"));
        Map<String, Object> stranger = decision(meeting, "DEFER");
        stranger.put("membersPresent", List.of("Chair", "Hub lead", "Someone else"));
        decide(referral, stranger).statusCode(422).body("type", equalTo(RULES + "not-a-panel-member"));
        Map<String, Object> noMeeting = decision(UUID.randomUUID().toString(), "DEFER");
        decide(referral, noMeeting)
                .statusCode(422)
                .body("type", equalTo(RULES + "unknown-panel-meeting"))
                .body("errors[0].field", equalTo("meetingId"));
    }

    @Test
    void eachOutcomeCarriesWhatItNeeds() {
        String referral = submit();
        String meeting = meetingWithAgenda();
        decide(referral, decision(meeting, "APPROVE_PLACEMENT"))
                .statusCode(422)
                .body("type", equalTo(RULES + "decision-terms"))
                .body("errors[0].field", equalTo("placement"));
        Map<String, Object> noEnd = approvePlacement(meeting, UUID.randomUUID(), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> terms = new HashMap<>((Map<String, Object>) noEnd.get("placement"));
        terms.remove("plannedEndDate");
        terms.remove("fundingRoute");
        noEnd.put("placement", terms);
        decide(referral, noEnd)
                .statusCode(422)
                .body("errors.field", contains("placement.fundingRoute", "placement.plannedEndDate"));
        terms.put("fundingRoute", "HIGH_NEEDS");
        terms.put("reviewDate", LocalDate.now().plusDays(42).toString());
        decide(referral, noEnd).statusCode(201).body("placement.reviewDate", equalTo(terms.get("reviewDate")));

        String other = submit();
        String next = meetingWithAgenda();
        Map<String, Object> decline = decision(next, "DECLINE");
        decline.remove("nextSteps");
        decide(other, decline).statusCode(422).body("errors[0].field", equalTo("nextSteps"));
    }

    @Test
    void aDeferralReturnsTheReferralToALaterAgendaWhoseDecisionSupersedesIt() {
        String referral = submit();
        String first = meetingWithAgenda();
        String deferral = decide(referral, decision(first, "DEFER"))
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", PanelFixtures.SCHOOL_A)
                .get("/api/v1/referrals/{id}", referral)
                .then()
                .body("status", equalTo("SUBMITTED"));
        String second = meetingWithAgenda();
        decide(referral, decision(second, "REFER_TO_SEND"))
                .statusCode(201)
                .body("supersedes", equalTo(deferral))
                .body("supersedeReason", equalTo("decided after deferral"));
        given().header("Authorization", PanelFixtures.SCHOOL_A)
                .get("/api/v1/referrals/{id}", referral)
                .then()
                .body("status", equalTo("DECIDED"));
    }

    @Test
    void ehcPlanAndHighCostPlacementsNeedFinanceApprovalAboveNotAtTheThreshold() {
        String atThreshold = submit(withPupil(Map.of("senProvision", "K", "ehcPlan", false)));
        String overThreshold = submit(withPupil(Map.of("senProvision", "K", "ehcPlan", false)));
        String ehcPlan = submit(withPupil(Map.of("senProvision", "E", "ehcPlan", true)));
        String assessing = submit(withPupil(
                Map.of("senProvision", "K", "ehcPlan", false, "ehcNeedsAssessmentRequestedOn", "2026-09-01")));
        String meeting = meetingWithAgenda();
        decide(atThreshold, approvePlacement(meeting, UUID.randomUUID(), "1000.00"))
                .statusCode(201)
                .body("needsFinanceApproval", equalTo(false))
                .body("financeApprovalReasons", empty());
        decide(overThreshold, approvePlacement(meeting, UUID.randomUUID(), "1000.01"))
                .statusCode(201)
                .body("needsFinanceApproval", equalTo(true))
                .body(
                        "financeApprovalReasons[0]",
                        equalTo("high cost: estimated 1000.01 a week is over the threshold of 1000.00"));
        String decisionId = decide(ehcPlan, approvePlacement(meeting, UUID.randomUUID(), null))
                .statusCode(201)
                .body("needsFinanceApproval", equalTo(true))
                .body("financeApprovalReasons", contains("SEND protocol: the pupil has an EHC plan"))
                .extract()
                .path("id");
        // Funding before the plan: an assessment under way follows the SEND protocol too.
        decide(assessing, approvePlacement(meeting, UUID.randomUUID(), null))
                .statusCode(201)
                .body("needsFinanceApproval", equalTo(true))
                .body(
                        "financeApprovalReasons",
                        contains(
                                "SEND protocol: funding before the plan, EHC needs assessment requested on 2026-09-01"));
        JsonNode event = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.panel.v1",
                e -> decisionId.equals(e.path("data").path("decisionId").asText()),
                Duration.ofSeconds(20));
        assertEquals(true, event.path("data").path("needsFinanceApproval").asBoolean());
        assertEquals(true, event.path("data").path("pupil").path("ehcPlan").asBoolean());
        assertEquals("MWBC", event.path("data").path("pupil").path("ethnicity").asText());
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.panel.v1", event));
    }

    private static Map<String, Object> withPupil(Map<String, Object> overrides) {
        Map<String, Object> body = referral(true, true);
        body.put("pupil", pupil(PanelFixtures.newUpn(), overrides));
        return body;
    }
}
