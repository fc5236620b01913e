package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.START;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.pupil;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.session;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** DfE census returns of AP placements, validated record by record before export. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class CensusExportTest {
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";
    private static final LocalDate CENSUS = START.plusWeeks(2);

    private static ValidatableResponse schoolCensus(String token, String urn, String accept) {
        return given().header("Authorization", token)
                .accept(accept)
                .get("/api/v1/census/schools/{urn}/ap-placements?censusDate={d}", urn, CENSUS.toString())
                .then();
    }

    private static String commission(String token, String pupil, UUID provider) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(placement(
                        pupil,
                        provider,
                        List.of(session("MONDAY", "09:00", "15:00"), session("THURSDAY", "09:00", "11:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aSchoolsReturnIsExportedWhenEveryRecordPassesAndRefusedRecordByRecordWhenOneFails() {
        String school = TestTokens.school("100701");
        UUID provider = approvedProvider("UNREGISTERED", Map.of("ukprn", "10012345"));
        String pupil = pupil(school, "100701", "K");
        String placement = commission(school, pupil, provider);
        given().header("Authorization", school)
                .get("/api/v1/placements/{id}", placement)
                .then()
                .body("apUkprn", equalTo("10012345"))
                .body("sessionsPerWeek", equalTo(3));

        schoolCensus(school, "100701", "application/json")
                .statusCode(200)
                .body("kind", equalTo("SCHOOL_CENSUS_AP"))
                .body("placementsFrom", equalTo(academicYearStart(CENSUS).toString()))
                .body("records", equalTo(1))
                .body("invalid", equalTo(0))
                .body("items[0].ukprn", equalTo("10012345"))
                .body("items[0].attendancePattern", equalTo("PART_TIME"))
                .body("items[0].sessionsPerWeek", equalTo(3))
                .body("items[0].association", equalTo("SCHOOL_ARRANGED"));
        String csv = schoolCensus(school, "100701", "text/csv")
                .statusCode(200)
                .header("Content-Disposition", containsString("school-census-ap-100701-" + CENSUS + ".csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("upn,surname,forename,"));
        assertTrue(lines[1].contains(",10012345,,SCHOOL_ARRANGED,"), lines[1]);

        // The pupil comes off roll while the placement runs: its end date must be present and on or before that day.
        var current = given().header("Authorization", school)
                .get("/api/v1/pupils/{id}", pupil)
                .then()
                .extract();
        Map<String, Object> update = new HashMap<>(Map.of(
                "firstName",
                "Sam",
                "lastName",
                "Taylor",
                "dateOfBirth",
                "2012-03-04",
                "senProvision",
                "K",
                "sex",
                "M",
                "ethnicity",
                "WBRI",
                "lookedAfter",
                false,
                "leftSchoolOn",
                START.plusDays(3).toString()));
        given().header("Authorization", school)
                .contentType(ContentType.JSON)
                .body(update)
                .put("/api/v1/pupils/{id}", pupil)
                .then()
                .statusCode(428);
        given().header("Authorization", school)
                .header("If-Match", "\"" + (current.<Integer>path("version") + 5) + "\"")
                .contentType(ContentType.JSON)
                .body(update)
                .put("/api/v1/pupils/{id}", pupil)
                .then()
                .statusCode(412);
        given().header("Authorization", school)
                .header("If-Match", current.header("ETag"))
                .contentType(ContentType.JSON)
                .body(update)
                .put("/api/v1/pupils/{id}", pupil)
                .then()
                .statusCode(200)
                .body("leftSchoolOn", equalTo(START.plusDays(3).toString()));

        schoolCensus(school, "100701", "application/json")
                .statusCode(200)
                .body("invalid", equalTo(1))
                .body("items[0].errors[0].field", equalTo("endDate"))
                .body("items[0].errors[0].rule", equalTo("offRollPupilEndDate"));
        schoolCensus(school, "100701", "text/csv")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(RULES + "census-return-invalid"))
                .body("errors[0].field", equalTo("items[0].endDate"))
                .body("errors[0].message", containsString(placement));
    }

    @Test
    void aProviderWithoutAnApSettingIsNamedAndOtherSchoolsCannotAskForTheReturn() {
        String school = TestTokens.school("100702");
        UUID provider = approvedProvider("UNREGISTERED"); // registry event without URN, UKPRN or setting type
        commission(school, pupil(school, "100702", "N"), provider);
        schoolCensus(school, "100702", "application/json")
                .statusCode(200)
                .body("items[0].errors.rule", hasItem("exactlyOneOfUrnUkprnSettingType"));
        schoolCensus(TestTokens.school("100701"), "100702", "application/json").statusCode(404);
        schoolCensus(TestTokens.provider(provider.toString()), "100702", "application/json")
                .statusCode(403);
        given().header("Authorization", school)
                .get("/api/v1/census/schools/100702/ap-placements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theLaCensusHoldsThePlacementsTheAuthorityArrangedOpenOnTheCensusDate() {
        UUID provider = approvedProvider("UNREGISTERED", Map.of("settingType", "OOT"));
        String byHub = commission(TestTokens.hubOfficer(), pupil(TestTokens.hubOfficer(), "100703", "E"), provider);
        String bySchool =
                commission(TestTokens.school("100703"), pupil(TestTokens.school("100703"), "100703", "K"), provider);
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/census/la/ap-placements?censusDate={d}", CENSUS.toString())
                .then()
                .statusCode(200)
                .body("kind", equalTo("LA_AP_CENSUS"))
                .body("items.placementId", hasItem(byHub))
                .body("items.placementId", not(hasItem(bySchool)))
                .body("items.find { it.placementId == '" + byHub + "' }.settingType", equalTo("OOT"))
                .body("items.find { it.placementId == '" + byHub + "' }.association", equalTo("LA_ARRANGED"));
        given().header("Authorization", TestTokens.hubOfficer())
                .get(
                        "/api/v1/census/la/ap-placements?censusDate={d}",
                        START.minusDays(1).toString())
                .then()
                .statusCode(200)
                .body("items.placementId", not(hasItem(byHub)));
        given().header("Authorization", TestTokens.school("100703"))
                .get("/api/v1/census/la/ap-placements?censusDate={d}", CENSUS.toString())
                .then()
                .statusCode(403);
    }

    private static LocalDate academicYearStart(LocalDate d) {
        return LocalDate.of(d.getMonthValue() >= 9 ? d.getYear() : d.getYear() - 1, 9, 1);
    }
}
