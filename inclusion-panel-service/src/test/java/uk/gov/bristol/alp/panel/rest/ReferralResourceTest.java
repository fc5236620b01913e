package uk.gov.bristol.alp.panel.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
@QuarkusTestResource(value = AlpServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "alp_panel"))
class ReferralResourceTest {
    private static final String SCHOOL_A = TestTokens.school("100001");

    static Map<String, Object> referral(boolean withEvidence, boolean withSafeguarding) {
        Map<String, Object> body = new HashMap<>();
        body.put("schoolUrn", "100001");
        body.put("pupil", Map.of("upn", "B801200005001", "firstName", "Ava", "lastName", "Jones",
                "dateOfBirth", "2011-05-06", "yearGroup", 9, "senProvision", "K", "lookedAfter", true,
                "freeSchoolMeals", true, "ethnicity", "MWBC", "sex", "F"));
        body.put("reason", "Persistent dysregulation after trauma; at risk of exclusion");
        body.put("requested", "FULL_TIME_PLACEMENT");
        if (withEvidence) {
            body.put("graduatedResponse", List.of(
                    Map.of("kind", "Pastoral support plan", "from", "2026-01-05", "to", "2026-04-01",
                            "outcome", "Some improvement, not sustained", "by", "Head of Year 9"),
                    Map.of("kind", "Educational psychologist", "from", "2026-04-20",
                            "outcome", "Assessment recommends small-group setting", "by", "EP service")));
        }
        if (withSafeguarding) {
            body.put("safeguarding", Map.of("designatedSafeguardingLead", "J. Smith", "socialCareInvolved", true,
                    "knownRisks", "Criminal exploitation concerns"));
        }
        return body;
    }

    static String submit() {
        return given().header("Authorization", SCHOOL_A).contentType(ContentType.JSON).body(referral(true, true))
                .post("/api/v1/referrals").then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .extract().path("id");
    }

    static Map<String, Object> approvePlacement(UUID provider) {
        return Map.of("outcome", "APPROVE_PLACEMENT", "rationale", "Graduated response exhausted; needs small setting",
                "membersPresent", List.of("Chair", "Hub lead", "Headteacher rep"),
                "placement", Map.of("providerId", provider.toString(), "hoursPerWeek", "25",
                        "startDate", LocalDate.now().plusDays(10).toString(),
                        "plannedEndDate", LocalDate.now().plusDays(100).toString(), "fundingRoute", "HIGH_NEEDS"));
    }

    @Test
    void aReferralWithoutEvidenceOrSafeguardingIsRefusedNamingBoth() {
        given().header("Authorization", SCHOOL_A).contentType(ContentType.JSON).body(referral(false, false))
                .post("/api/v1/referrals").then().statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/referral-incomplete"))
                .body("errors.field", contains("graduatedResponse", "safeguarding.designatedSafeguardingLead"));
    }

    @Test
    void anotherSchoolCannotReadTheReferral() {
        String id = submit();
        given().header("Authorization", TestTokens.school("100002")).get("/api/v1/referrals/{id}", id)
                .then().statusCode(404).body("safeguarding", nullValue());
        given().header("Authorization", SCHOOL_A).get("/api/v1/referrals/{id}", id)
                .then().statusCode(200).body("safeguarding.knownRisks", equalTo("Criminal exploitation concerns"));
    }

    @Test
    void onlyTheChairDecidesAndOnlyOnce() {
        String id = submit();
        UUID provider = UUID.randomUUID();
        given().header("Authorization", TestTokens.panelMember()).contentType(ContentType.JSON)
                .body(approvePlacement(provider)).post("/api/v1/referrals/{id}/decision", id)
                .then().statusCode(403);
        given().header("Authorization", TestTokens.panelChair()).contentType(ContentType.JSON)
                .body(approvePlacement(provider)).post("/api/v1/referrals/{id}/decision", id)
                .then().statusCode(201).body("outcome", equalTo("APPROVE_PLACEMENT"));
        given().header("Authorization", TestTokens.panelChair()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "DECLINE", "rationale", "changed mind", "membersPresent", List.of("Chair")))
                .post("/api/v1/referrals/{id}/decision", id)
                .then().statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/referral-already-decided"));
    }

    @Test
    void anApprovePlacementDecisionWithoutTermsIsRefused() {
        String id = submit();
        given().header("Authorization", TestTokens.panelChair()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVE_PLACEMENT", "rationale", "x", "membersPresent", List.of("Chair")))
                .post("/api/v1/referrals/{id}/decision", id)
                .then().statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/decision-placement-terms"));
    }

    @Test
    void theDecisionIsPublishedWithThePupilIdentityAndConformsToTheContract() {
        String id = submit();
        UUID provider = UUID.randomUUID();
        given().header("Authorization", TestTokens.panelChair()).contentType(ContentType.JSON)
                .body(approvePlacement(provider)).post("/api/v1/referrals/{id}/decision", id)
                .then().statusCode(201);
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        JsonNode submitted = KafkaEvents.awaitOne(bootstrap, "alp.panel.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.referral.submitted.v1", id), Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.panel.v1", submitted));
        assertEquals(false, submitted.path("data").has("pupil"), "a submission carries no pupil details");
        JsonNode decided = KafkaEvents.awaitOne(bootstrap, "alp.panel.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.panel.decision-made.v1", id), Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.panel.v1", decided));
        assertEquals("B801200005001", decided.path("data").path("pupil").path("upn").asText());
        assertEquals(provider.toString(), decided.path("data").path("placement").path("providerId").asText());
    }
}
