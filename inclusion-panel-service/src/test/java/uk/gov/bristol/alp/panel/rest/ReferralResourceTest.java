package uk.gov.bristol.alp.panel.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.SCHOOL_A;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.referral;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.submit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
class ReferralResourceTest {

    @Test
    void aSubmissionWithoutEvidenceOrSafeguardingIsRefusedNamingEachPartAndNothingIsKept() {
        Map<String, Object> body = referral(false, false);
        String upn = (String) ((Map<?, ?>) body.get("pupil")).get("upn");
        given().header("Authorization", SCHOOL_A)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/referrals")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/referral-incomplete"))
                .body(
                        "errors.field",
                        contains(
                                "graduatedResponse",
                                "safeguarding.designatedSafeguardingLead",
                                "safeguarding.socialCareInvolved",
                                "safeguarding.knownRisks"));
        given().header("Authorization", SCHOOL_A)
                .queryParam("size", 200)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.upn", not(hasItem(upn)));
    }

    @Test
    void anInterventionWithoutItsOutcomeOrWhoDidItIsNamedByPosition() {
        Map<String, Object> body = referral(true, true);
        body.put("graduatedResponse", List.of(Map.of("kind", "Mentoring", "from", "2026-02-01", "to", "2026-01-01")));
        given().header("Authorization", SCHOOL_A)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/referrals")
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        contains("graduatedResponse[0].outcome", "graduatedResponse[0].by", "graduatedResponse[0].to"));
    }

    @Test
    void aDraftIsSavedIncompleteThenCompletedAndSubmitted() {
        Map<String, Object> draft = new HashMap<>(Map.of(
                "schoolUrn",
                "100001",
                "pupil",
                Map.of("firstName", "Noah"),
                "reason",
                "Anxiety-based school avoidance"));
        var created = given().header("Authorization", SCHOOL_A)
                .contentType(ContentType.JSON)
                .body(draft)
                .queryParam("draft", true)
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("submittedAt", nullValue())
                .extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        given().header("Authorization", SCHOOL_A)
                .post("/api/v1/referrals/{id}/submit", id)
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        hasItems(
                                "pupil.upn",
                                "pupil.lastName",
                                "pupil.dateOfBirth",
                                "pupil.senProvision",
                                "requested",
                                "graduatedResponse"));

        Map<String, Object> complete = referral(true, true);
        given().header("Authorization", SCHOOL_A)
                .contentType(ContentType.JSON)
                .body(complete)
                .put("/api/v1/referrals/{id}", id)
                .then()
                .statusCode(428);
        given().header("Authorization", SCHOOL_A)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(complete)
                .put("/api/v1/referrals/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"));
        given().header("Authorization", SCHOOL_A)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(complete)
                .put("/api/v1/referrals/{id}", id)
                .then()
                .statusCode(412);
        String submittedTag = given().header("Authorization", SCHOOL_A)
                .post("/api/v1/referrals/{id}/submit", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo("school.100001"))
                .extract()
                .header("ETag");
        given().header("Authorization", SCHOOL_A)
                .header("If-Match", submittedTag)
                .contentType(ContentType.JSON)
                .body(complete)
                .put("/api/v1/referrals/{id}", id)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/referral-status"));
    }

    @Test
    void aSchoolReferringForAnotherSchoolIsRefused() {
        Map<String, Object> body = referral(true, true);
        body.put("schoolUrn", "100002");
        given().header("Authorization", SCHOOL_A)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/referrals")
                .then()
                .statusCode(403);
    }

    @Test
    void anotherSchoolCannotReadOrListTheReferral() {
        String id = submit();
        given().header("Authorization", TestTokens.school("100002"))
                .get("/api/v1/referrals/{id}", id)
                .then()
                .statusCode(404)
                .body("safeguarding", nullValue());
        given().header("Authorization", TestTokens.school("100002"))
                .queryParam("size", 200)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)))
                .body("items.schoolUrn", everyItem(equalTo("100002")));
        given().header("Authorization", SCHOOL_A)
                .get("/api/v1/referrals/{id}", id)
                .then()
                .statusCode(200)
                .body("safeguarding.knownRisks", equalTo("Criminal exploitation concerns"))
                .body("attachments[0].reference", equalTo("docs://school/100001/ep-2026-04"));
    }

    @Test
    void thePanelReturnsAReferralWithAReasonAndTheSchoolResubmits() {
        String id = submit();
        given().header("Authorization", SCHOOL_A)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "mine"))
                .post("/api/v1/referrals/{id}/return", id)
                .then()
                .statusCode(403);
        // A panel member reads (and returns) only referrals on the agendas of meetings they sit on: not this one yet.
        given().header("Authorization", TestTokens.panelMember())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "mine"))
                .post("/api/v1/referrals/{id}/return", id)
                .then()
                .statusCode(404);
        String etag = given().header("Authorization", TestTokens.panelChair())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Attach the latest attendance record and the EP report"))
                .post("/api/v1/referrals/{id}/return", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("returns[0].reason", equalTo("Attach the latest attendance record and the EP report"))
                .body("returns[0].returnedBy", equalTo("panel.chair"))
                .extract()
                .header("ETag");

        Map<String, Object> amended = referral(true, true);
        amended.put("attachments", List.of(Map.of("name", "Attendance 2026", "reference", "docs://att/1")));
        given().header("Authorization", SCHOOL_A)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(amended)
                .put("/api/v1/referrals/{id}", id)
                .then()
                .statusCode(200);
        given().header("Authorization", SCHOOL_A)
                .post("/api/v1/referrals/{id}/submit", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"));

        String bootstrap = KafkaBroker.shared().bootstrapServers();
        JsonNode returned = KafkaEvents.awaitOne(
                bootstrap,
                "alp.panel.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.referral.returned.v1", id),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.panel.v1", returned));
        List<JsonNode> submissions = KafkaEvents.awaitCount(
                bootstrap,
                "alp.panel.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.referral.submitted.v1", id),
                2,
                Duration.ofSeconds(20));
        assertEquals(true, submissions.get(1).path("data").path("resubmission").asBoolean());
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.panel.v1", submissions.get(1)));
    }

    @Test
    void everyReadAndListingOfAReferralIsAuditedAndOnlyAuditorsReadTheTrail() {
        String id = submit();
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/referrals/{id}", id)
                .then()
                .statusCode(200);
        given().header("Authorization", SCHOOL_A)
                .queryParam("size", 200)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/referrals/{id}/audit", id)
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/referrals/{id}/audit", id)
                .then()
                .statusCode(200)
                .body("findAll { it.action == 'READ' }.actor", hasItems("hub.officer", "school.100001"))
                .body("findAll { it.action == 'READ' }.details", hasItem("listed"));
    }
}
