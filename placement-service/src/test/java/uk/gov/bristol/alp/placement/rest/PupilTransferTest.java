package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.pupil;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolB;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.session;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** A pupil moving school: the Hub agrees, the new school takes the running placements, each school its own scope. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class PupilTransferTest {
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";

    private static String request(String pupil) {
        return given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "toSchoolUrn", "100002",
                        "effectiveFrom", LocalDate.now().plusDays(3).toString(),
                        "reason", "Family moving across the city"))
                .post("/api/v1/pupils/{id}/transfers", pupil)
                .then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .extract()
                .path("id");
    }

    @Test
    void anAgreedTransferGivesTheNewSchoolTheRunningPlacementAndLeavesTheOldOneItsOwnRecordOnly() {
        String pupil = pupil(schoolA(), "100001", "K");
        String placement = given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(
                        pupil,
                        approvedProvider("REGISTERED_INDEPENDENT_SCHOOL"),
                        List.of(session("WEDNESDAY", "09:00", "12:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String transfer = request(pupil);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "toSchoolUrn",
                        "100003",
                        "effectiveFrom",
                        LocalDate.now().toString(),
                        "reason",
                        "again"))
                .post("/api/v1/pupils/{id}/transfers", pupil)
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "transfer-status"));
        given().header("Authorization", schoolB())
                .get("/api/v1/pupil-transfers?status=REQUESTED")
                .then()
                .statusCode(200)
                .body("id", hasItem(transfer));
        given().header("Authorization", TestTokens.school("100999"))
                .get("/api/v1/pupil-transfers")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(transfer)));
        given().header("Authorization", TestTokens.provider(UUID.randomUUID().toString()))
                .get("/api/v1/pupil-transfers")
                .then()
                .statusCode(403);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "agreed"))
                .post("/api/v1/pupil-transfers/{id}/agree", transfer)
                .then()
                .statusCode(403);

        String newRecord = given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Place confirmed at the new school"))
                .post("/api/v1/pupil-transfers/{id}/agree", transfer)
                .then()
                .statusCode(200)
                .body("status", equalTo("AGREED"))
                .body("newPupilId", notNullValue())
                .extract()
                .path("newPupilId");

        given().header("Authorization", schoolB())
                .get("/api/v1/placements/{id}", placement)
                .then()
                .statusCode(200)
                .body("schoolUrn", equalTo("100002"))
                .body("pupilId", equalTo(newRecord));
        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}", placement)
                .then()
                .statusCode(404);
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}", pupil)
                .then()
                .statusCode(200)
                .body("leftSchoolOn", equalTo(LocalDate.now().plusDays(3).toString()));
        given().header("Authorization", schoolB())
                .get("/api/v1/pupils/{id}", newRecord)
                .then()
                .statusCode(200)
                .body("schoolUrn", equalTo("100002"));
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}", newRecord)
                .then()
                .statusCode(404);
    }

    @Test
    void aDeclinedTransferChangesNothingAndCannotBeAgreedAfter() {
        String pupil = pupil(schoolA(), "100001", "K");
        String transfer = request(pupil);
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "The new school has not offered a place"))
                .post("/api/v1/pupil-transfers/{id}/decline", transfer)
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"));
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "changed my mind"))
                .post("/api/v1/pupil-transfers/{id}/agree", transfer)
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "transfer-status"));
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}", pupil)
                .then()
                .statusCode(200)
                .body("schoolUrn", equalTo("100001"));
    }
}
