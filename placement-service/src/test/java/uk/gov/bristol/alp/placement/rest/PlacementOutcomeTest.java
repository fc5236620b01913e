package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProviderAnswering;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolB;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.startedPlacement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** How placements end, where pupils go, and what the provider's scorecard shows of it. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class PlacementOutcomeTest {
    private static final LocalDate TODAY = LocalDate.now();
    private static final LocalDate STARTED = TODAY.minusWeeks(3);

    private static Map<String, Object> ending(String outcome, String destination) {
        return Map.of(
                "endDate",
                TODAY.toString(),
                "outcome",
                outcome,
                "reason",
                "End of the arrangement",
                "transitionPlan",
                Map.of(
                        "destination",
                        destination,
                        "plan",
                        "Handover meeting with the next setting",
                        "strategiesShared",
                        "Check-in routine"));
    }

    private static void end(String placement, Map<String, Object> body, int status) {
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements/{id}/end", placement)
                .then()
                .statusCode(status);
    }

    private static void target(String placement, String token, boolean achieved) {
        var created = given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "Attend every session", "target", "Arrive on time four days a week"))
                .post("/api/v1/placements/{id}/learning-plan/targets", placement)
                .then()
                .statusCode(201)
                .extract();
        if (achieved) {
            given().header("Authorization", token)
                    .header("If-Match", created.header("ETag"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("progress", "ACHIEVED", "note", "On time every day for three weeks"))
                    .put("/api/v1/placements/{id}/learning-plan/targets/{t}/progress", placement, created.path("id"))
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void destinationsAreCountedOncePerPlacementAndTheScorecardShowsThem() {
        UUID provider = approvedProviderAnswering(2);
        String providerToken = TestTokens.provider(provider.toString());
        String back = startedPlacement(provider, STARTED);
        String neet = startedPlacement(provider, STARTED);
        target(back, providerToken, true);
        target(back, providerToken, false);
        target(back, providerToken, true);
        LocalDate monday = STARTED.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        given().header("Authorization", providerToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "batchId",
                        UUID.randomUUID().toString(),
                        "marks",
                        List.of(
                                Map.of("placementId", back, "date", monday.toString(), "session", "AM", "code", "/"),
                                Map.of("placementId", neet, "date", monday.toString(), "session", "AM", "code", "O"))))
                .post("/api/v1/placements/attendance-batches")
                .then()
                .statusCode(201);

        Map<String, Object> withoutOutcome = new java.util.HashMap<>(ending("COMPLETED", "RETURN_TO_SCHOOL"));
        withoutOutcome.remove("outcome");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(withoutOutcome)
                .post("/api/v1/placements/{id}/end", back)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        end(back, ending("READY_EARLY", "RETURN_TO_SCHOOL"), 200);
        end(neet, ending("BROKE_DOWN", "NEET"), 200);
        end(neet, ending("BROKE_DOWN", "NEET"), 409);

        String report = "/api/v1/placement-reports/outcomes?from={f}&to={t}&groupBy={g}";
        String mine = "groups.find { it.key == '" + provider + "' }.outcomes";
        String from = TODAY.minusDays(1).toString();
        String to = TODAY.toString();
        given().header("Authorization", TestTokens.hubOfficer())
                .get(report, from, to, "PROVIDER")
                .then()
                .statusCode(200)
                .body(mine + ".ended", equalTo(2))
                .body(mine + ".byDestination.RETURN_TO_SCHOOL", equalTo(1))
                .body(mine + ".byDestination.NEET", equalTo(1))
                .body(mine + ".byOutcome.BROKE_DOWN", equalTo(1))
                .body(mine + ".returnedToMainstream", equalTo(1))
                .body(mine + ".returnToMainstreamRate", equalTo("50.0"))
                .body(mine + ".meanWeeksInAlp", equalTo("3.1"))
                .body(mine + ".fullTimePlacements", equalTo(0))
                .body(mine + ".meanWeeksInFullTimeAlp", nullValue())
                .body(mine + ".targetsSet", equalTo(3))
                .body(mine + ".targetsAchieved", equalTo(2))
                .body(mine + ".targetsAchievedRate", equalTo("66.7"));
        given().header("Authorization", TestTokens.auditor())
                .get(report, from, to, "SPECIALISM")
                .then()
                .statusCode(200)
                .body("groups.key", hasItem("SEMH"));
        given().header("Authorization", providerToken)
                .get(report, from, to, "PROVIDER")
                .then()
                .statusCode(200)
                .body("groups.key", equalTo(List.of(provider.toString())))
                .body("overall.ended", equalTo(2));
        given().header("Authorization", schoolB())
                .get(report, from, to, "PROVIDER")
                .then()
                .statusCode(200)
                .body("groups.key", not(hasItem(provider.toString())));

        String scorecard = "/api/v1/placement-reports/provider-scorecard?providerId={p}&from={f}&to={t}";
        given().header("Authorization", TestTokens.hubOfficer())
                .get(scorecard, provider, STARTED.toString(), to)
                .then()
                .statusCode(200)
                .body("placements", equalTo(2))
                .body("pupils", equalTo(2))
                .body("possibleSessions", equalTo(2))
                .body("attendedSessions", equalTo(1))
                .body("attendanceRate", equalTo("50.0"))
                .body("outcomes.ended", equalTo(2))
                .body("outcomes.returnToMainstreamRate", equalTo("50.0"))
                .body("outcomes.targetsAchievedRate", equalTo("66.7"))
                .body("qualityAssurance.risk", equalTo("HIGH"))
                .body("qualityAssurance.lastRating", equalTo("GOOD"))
                .body("qualityAssurance.visitOverdue", equalTo(true));
        given().header("Authorization", providerToken)
                .get(scorecard, provider, STARTED.toString(), to)
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.provider(UUID.randomUUID().toString()))
                .get(scorecard, provider, STARTED.toString(), to)
                .then()
                .statusCode(403);
        given().header("Authorization", schoolA())
                .get(scorecard, provider, STARTED.toString(), to)
                .then()
                .statusCode(403);
    }
}
