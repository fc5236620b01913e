package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolB;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.startedPlacement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** Parents and carers on the pupil's record, their agreement to a placement's plan, the pupil's voice in reviews. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class FamilyTest {
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";
    private static final Map<String, Object> MOTHER = Map.of(
            "name", "Dana Example",
            "relationship", "PARENT",
            "parentalResponsibility", true,
            "phone", "07700 900123",
            "preferredContact", "TEXT",
            "contactNotes", "Works nights: text before calling");
    private static final Map<String, Object> GRANDFATHER = Map.of(
            "name", "Ray Example",
            "relationship", "GRANDPARENT",
            "parentalResponsibility", false,
            "email", "ray@example.org",
            "preferredContact", "EMAIL");

    private static String pupilOf(String placement) {
        return given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}", placement)
                .then()
                .statusCode(200)
                .extract()
                .path("pupilId");
    }

    private static String etag(String pupil) {
        return given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}", pupil)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static List<String> familyAgreementsMissing() {
        return given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/placements/attention?kind=FAMILY_AGREEMENT_MISSING")
                .then()
                .statusCode(200)
                .extract()
                .path("placementId");
    }

    @Test
    void theSchoolKeepsThePupilsCarersReachableAsTheyPreferAndOnlyItAndAuthorityStaffReadThem() {
        String pupil = pupilOf(startedPlacement(approvedProvider("REGISTERED_INDEPENDENT_SCHOOL"), LocalDate.now()));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(List.of(MOTHER))
                .put("/api/v1/pupils/{id}/carers", pupil)
                .then()
                .statusCode(428);
        Map<String, Object> unreachable = new HashMap<>(GRANDFATHER);
        unreachable.remove("email");
        given().header("Authorization", schoolA())
                .header("If-Match", etag(pupil))
                .contentType(ContentType.JSON)
                .body(List.of(MOTHER, unreachable))
                .put("/api/v1/pupils/{id}/carers", pupil)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("carers[1].email"))
                .body("errors[0].rule", equalTo("reachableAsPreferred"));
        given().header("Authorization", schoolA())
                .header("If-Match", etag(pupil))
                .contentType(ContentType.JSON)
                .body(List.of(MOTHER, GRANDFATHER))
                .put("/api/v1/pupils/{id}/carers", pupil)
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("Dana Example", "Ray Example")));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/pupils/{id}/carers", pupil)
                .then()
                .statusCode(200)
                .body("[0].contactNotes", equalTo("Works nights: text before calling"));
        given().header("Authorization", schoolB())
                .get("/api/v1/pupils/{id}/carers", pupil)
                .then()
                .statusCode(404);
        given().header("Authorization", TestTokens.provider(UUID.randomUUID().toString()))
                .get("/api/v1/pupils/{id}/carers", pupil)
                .then()
                .statusCode(404);
    }

    @Test
    void aStartedPlacementWithoutTheFamilysAgreementIsOnTheAttentionListUntilAParentWithResponsibilityAgrees() {
        String placement = startedPlacement(
                approvedProvider("REGISTERED_INDEPENDENT_SCHOOL"),
                LocalDate.now().minusDays(2));
        String pupil = pupilOf(placement);
        given().header("Authorization", schoolA())
                .header("If-Match", etag(pupil))
                .contentType(ContentType.JSON)
                .body(List.of(MOTHER, GRANDFATHER))
                .put("/api/v1/pupils/{id}/carers", pupil)
                .then()
                .statusCode(200);
        assertThat(familyAgreementsMissing(), hasItem(placement));

        Map<String, Object> agreement = new HashMap<>(Map.of(
                "agreedOn", LocalDate.now().minusDays(3).toString(),
                "agreedWith", "Ray Example",
                "restOfWeekPlan", "School Tuesday to Friday mornings; afternoons at home with work set by school"));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(agreement)
                .post("/api/v1/placements/{id}/family-agreement", placement)
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "family-agreement"))
                .body("errors[0].field", equalTo("agreedWith"));
        agreement.put("agreedWith", "dana example");
        given().header("Authorization", TestTokens.provider(UUID.randomUUID().toString()))
                .contentType(ContentType.JSON)
                .body(agreement)
                .post("/api/v1/placements/{id}/family-agreement", placement)
                .then()
                .statusCode(403);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(agreement)
                .post("/api/v1/placements/{id}/family-agreement", placement)
                .then()
                .statusCode(200)
                .body("familyAgreement.agreedWith", equalTo("dana example"))
                .body("familyAgreement.recordedBy", equalTo("school.100001"));
        assertThat(familyAgreementsMissing(), not(hasItem(placement)));
    }

    @Test
    void aReviewRecordsThePupilsVoice() {
        String placement = startedPlacement(
                approvedProvider("REGISTERED_INDEPENDENT_SCHOOL"),
                LocalDate.now().minusDays(10));
        Map<String, Object> review = new HashMap<>(Map.of(
                "heldOn", LocalDate.now().toString(),
                "attendees", "Head of year, provider lead, pupil, parent",
                "summary", "Settled; attendance improving",
                "decision", "CONTINUE",
                "nextReviewBy", LocalDate.now().plusDays(30).toString()));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(review)
                .post("/api/v1/placements/{id}/reviews", placement)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("pupilVoice"));
        review.put("pupilVoice", "I like the cooking sessions. Mornings are hard.");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(review)
                .post("/api/v1/placements/{id}/reviews", placement)
                .then()
                .statusCode(201)
                .body("pupilVoice", equalTo("I like the cooking sessions. Mornings are hard."));
    }
}
