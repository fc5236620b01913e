package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.START;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.newUpn;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.session;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** Who is in ALP, by the characteristics the independent review found over-represented. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class DisproportionalityTest {
    private static final String URN = "100801";
    private static final String REPORT = "/api/v1/placement-reports/disproportionality";
    private static final String FIRST_DAY = START.toString();

    private static String pupil(String sen, boolean lookedAfter, String ethnicity, String sex, List<?> fsm) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "upn",
                newUpn(),
                "firstName",
                "Alex",
                "lastName",
                "Reid",
                "dateOfBirth",
                "2011-05-06",
                "schoolUrn",
                URN,
                "senProvision",
                sen,
                "ethnicity",
                ethnicity,
                "sex",
                sex,
                "lookedAfter",
                lookedAfter,
                "fsmPeriods",
                fsm));
        return given().header("Authorization", TestTokens.school(URN))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/pupils")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String commission(String pupil, UUID provider, String day) {
        return given().header("Authorization", TestTokens.school(URN))
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, List.of(session(day, "09:00", "12:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void pupilsInAlpAreCountedByCharacteristicWithRatesAndACancelledPlacementDoesNotCount() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        // In care, EHC plan, FSM over the period, Black Caribbean boy; and a White British girl, FSM only before it.
        String first = pupil(
                "E",
                true,
                "BCRB",
                "M",
                List.of(Map.of("start", START.minusYears(1).toString())));
        String second = pupil(
                "N",
                false,
                "WBRI",
                "F",
                List.of(Map.of(
                        "start",
                        START.minusYears(2).toString(),
                        "end",
                        START.minusYears(1).toString())));
        String third = pupil("K", false, "WBRI", "F", List.of());
        commission(first, provider, "MONDAY");
        commission(first, provider, "TUESDAY"); // two placements, still one pupil
        // The second has an EHC needs assessment under way: counted, with the statutory dates worked out.
        given().header("Authorization", TestTokens.sendOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("requestedOn", "2026-09-01", "status", "ASSESSING"))
                .put("/api/v1/pupils/{id}/ehc-needs-assessment", second)
                .then()
                .statusCode(200)
                .body("ehcNeedsAssessment.decisionToAssessDueBy", equalTo("2026-10-13"))
                .body("ehcNeedsAssessment.planDueBy", equalTo("2027-01-19"));
        commission(second, provider, "MONDAY");
        String cancelled = commission(third, provider, "MONDAY");
        given().header("Authorization", TestTokens.school(URN))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Parent declined"))
                .post("/api/v1/placements/{id}/cancel", cancelled)
                .then()
                .statusCode(200);

        given().header("Authorization", TestTokens.hubOfficer())
                .get(
                        REPORT + "?from={f}&to={t}&schoolUrn={u}",
                        FIRST_DAY,
                        START.plusWeeks(4).toString(),
                        URN)
                .then()
                .statusCode(200)
                .body("overall.pupils", equalTo(2))
                .body("overall.ehcPlan.count", equalTo(1))
                .body("overall.ehcPlan.percent", equalTo("50.0"))
                .body("overall.ehcNeedsAssessmentInProgress.count", equalTo(1))
                .body("overall.lookedAfter.count", equalTo(1))
                .body("overall.freeSchoolMeals.count", equalTo(1))
                .body("overall.senProvision.N.count", equalTo(1))
                .body("overall.senProvision.K", equalTo(null))
                .body("overall.ethnicity.BCRB.percent", equalTo("50.0"))
                .body("overall.sex.F.count", equalTo(1))
                .body("bySchool", hasSize(1))
                .body("bySchool[0].schoolUrn", equalTo(URN));
        // Before the placements start nobody from this school is in ALP.
        given().header("Authorization", TestTokens.hubOfficer())
                .get(
                        REPORT + "?from={f}&to={t}&schoolUrn={u}",
                        START.minusWeeks(4).toString(),
                        START.minusDays(1).toString(),
                        URN)
                .then()
                .statusCode(200)
                .body("overall.pupils", equalTo(0))
                .body("bySchool", hasSize(0));
        // A school sees its own pupils only; a period that ends before it starts is named.
        given().header("Authorization", TestTokens.school(URN))
                .get(REPORT + "?from={f}&to={t}", FIRST_DAY, FIRST_DAY)
                .then()
                .statusCode(200)
                .body("overall.pupils", equalTo(2));
        given().header("Authorization", TestTokens.school("100802"))
                .get(REPORT + "?from={f}&to={t}&schoolUrn={u}", FIRST_DAY, FIRST_DAY, URN)
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.hubOfficer())
                .get(REPORT + "?from={f}&to={t}", FIRST_DAY, START.minusDays(1).toString())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", TestTokens.provider(provider.toString()))
                .get(REPORT + "?from={f}&to={t}", FIRST_DAY, FIRST_DAY)
                .then()
                .statusCode(403);
    }
}
