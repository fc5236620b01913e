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
        return pupil(URN, sen, lookedAfter, ethnicity, sex, fsm);
    }

    private static String pupil(
            String urn, String sen, boolean lookedAfter, String ethnicity, String sex, List<?> fsm) {
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
                urn,
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
        return given().header("Authorization", TestTokens.school(urn))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/pupils")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String commission(String pupil, UUID provider, String day) {
        return commission(URN, pupil, provider, day);
    }

    private static String commission(String urn, String pupil, UUID provider, String day) {
        return given().header("Authorization", TestTokens.school(urn))
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

    private static final String BASELINES = "/api/v1/placement-reports/population-baselines";

    private static io.restassured.response.ValidatableResponse importCsv(String token, String csv) {
        return given().header("Authorization", token)
                .contentType("text/csv")
                .body(csv)
                .post(BASELINES)
                .then();
    }

    @Test
    void aCensusBaselineIsImportedWholeOrNotAtAllAndTheReportComparesEachGroupWithIt() {
        String census = "2026-01-15";
        String header = "census_date,school_urn,characteristic,category,pupils\n";
        importCsv(
                        TestTokens.hubOfficer(),
                        header + census + ",100803,ALL,ALL,200\n" + census + ",12345,SEX,F,1\n" + census
                                + ",100803,LOOKED_AFTER,N,4\n" + census + ",100803,FSM,Y,250\n" + census
                                + ",100804,SEX,F,10\n" + census + ",100803,SEX,F,many\n")
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/population-baseline-invalid"))
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.contains("line 3.school_urn", "line 4.category", "line 7.pupils"));
        importCsv(
                        TestTokens.hubOfficer(),
                        header + census + ",100803,ALL,ALL,200\n" + census + ",100803,FSM,Y,250\n" + census
                                + ",100804,SEX,F,10\n")
                .statusCode(422)
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.contains("school 100803 2026-01-15 FSM Y", "school 100804 2026-01-15"));
        importCsv(TestTokens.school("100803"), header + census + ",100803,ALL,ALL,200\n")
                .statusCode(403);
        given().header("Authorization", TestTokens.auditor())
                .get(BASELINES)
                .then()
                .statusCode(200)
                .body("censusDate", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(census)));

        String rows = String.join(
                "\n",
                census + ",100803,ALL,ALL,200",
                census + ",100803,LOOKED_AFTER,Y,4",
                census + ",100803,SEN_PROVISION,E,10",
                census + ",100803,FSM,Y,50",
                census + ",100803,SEX,M,100",
                census + ",100803,SEX,F,100",
                census + ",100804,ALL,ALL,300",
                census + ",100804,LOOKED_AFTER,Y,2",
                "");
        importCsv(TestTokens.hubOfficer(), header + rows)
                .statusCode(200)
                .body("find { it.censusDate == '" + census + "' }.schools", equalTo(2))
                .body("find { it.censusDate == '" + census + "' }.pupilsOnRoll", equalTo(500));
        // Imported again, a school's rows for the census are replaced, not added to.
        importCsv(TestTokens.hubOfficer(), header + rows).statusCode(200);

        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String inCare = pupil("100803", "E", true, "BCRB", "M", List.of());
        String notInCare = pupil("100803", "N", false, "WBRI", "F", List.of());
        commission("100803", inCare, provider, "MONDAY");
        commission("100803", notInCare, provider, "TUESDAY");

        String lookedAfter = "overall.lookedAfter.population";
        given().header("Authorization", TestTokens.hubOfficer())
                .get(REPORT + "?from={f}&to={t}&schoolUrn=100803&census={c}", FIRST_DAY, FIRST_DAY, census)
                .then()
                .statusCode(200)
                .body("census", equalTo(census))
                .body("overall.pupils", equalTo(2))
                .body("overall.onRoll", equalTo(200))
                .body("overall.lookedAfter.percent", equalTo("50.0"))
                .body(lookedAfter + ".onRoll", equalTo(4))
                .body(lookedAfter + ".percent", equalTo("2.0"))
                .body(lookedAfter + ".perThousand", equalTo("250.0"))
                .body(lookedAfter + ".ratio", equalTo("25.00"))
                .body("overall.ehcPlan.population.ratio", equalTo("10.00"))
                .body("overall.sex.F.population.ratio", equalTo("1.00"))
                .body("overall.ethnicity.BCRB.population.onRoll", equalTo(0))
                .body("overall.ethnicity.BCRB.population.ratio", equalTo(null))
                .body("overall.ehcNeedsAssessmentInProgress.population", equalTo(null));
        // Across the city (every school in the census): 6 looked-after children of 500 on roll.
        given().header("Authorization", TestTokens.hubOfficer())
                .get(REPORT + "?from={f}&to={t}&census={c}", FIRST_DAY, FIRST_DAY, census)
                .then()
                .statusCode(200)
                .body("overall.onRoll", equalTo(500))
                .body(lookedAfter + ".onRoll", equalTo(6))
                .body("bySchool.find { it.schoolUrn == '100803' }.onRoll", equalTo(200));
        given().header("Authorization", TestTokens.hubOfficer())
                .get(REPORT + "?from={f}&to={t}&census={c}", FIRST_DAY, FIRST_DAY, "2020-01-16")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("census"));
    }
}
