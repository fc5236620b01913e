package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.START;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.pupil;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.session;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;

/** A pupil cannot be in two placements at once; their week is shown against the school week. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class TimetableClashTest {
    private static final String CLASH = "https://alp.bristol.gov.uk/problems/rules/timetable-clash";

    private static String commission(Map<String, Object> body, int status) {
        return given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then()
                .statusCode(status)
                .extract()
                .path("id");
    }

    @Test
    void aSecondPlacementMayNotOverlapTheFirstOnTheSameDatesButMayFollowIt() {
        UUID farm = approvedProvider("UNREGISTERED");
        UUID tutor = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String pupil = pupil(schoolA(), "100001", "K");
        String mornings = commission(placement(pupil, farm, List.of(session("MONDAY", "09:00", "12:00"))), 201);

        // Starting as the other ends is allowed; one minute earlier is a clash, named, and nothing is created.
        String afternoons = commission(placement(pupil, tutor, List.of(session("MONDAY", "12:00", "15:00"))), 201);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(
                        pupil,
                        tutor,
                        List.of(session("TUESDAY", "09:00", "10:00"), session("MONDAY", "11:59", "12:30"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(CLASH))
                .body("errors", hasSize(2))
                .body("errors[0].field", equalTo("timetable"))
                .body(
                        "errors[0].message",
                        containsString("MONDAY 11:59-12:30 overlaps MONDAY 09:00-12:00 in placement " + mornings))
                .body("errors[1].message", containsString(afternoons));
        given().header("Authorization", schoolA())
                .get("/api/v1/placements?pupilId={p}", pupil)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2));

        // The same hours after the first placement's planned end do not clash.
        Map<String, Object> later = placement(pupil, tutor, List.of(session("MONDAY", "09:00", "12:00")));
        later.put("startDate", START.plusWeeks(12).plusDays(1).toString());
        later.put("plannedEndDate", START.plusWeeks(20).toString());
        commission(later, 201);
        Map<String, Object> sameLastDay = placement(pupil, tutor, List.of(session("MONDAY", "09:00", "10:00")));
        sameLastDay.put("startDate", START.plusWeeks(12).toString());
        sameLastDay.put("plannedEndDate", START.plusWeeks(12).toString());
        commission(sameLastDay, 409);
    }

    @Test
    void aRevisedTimetableMayNotClashAndACancelledPlacementHoldsNoTime() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String pupil = pupil(schoolA(), "100001", "N");
        String first = commission(placement(pupil, provider, List.of(session("WEDNESDAY", "09:00", "12:00"))), 201);
        String second = commission(placement(pupil, provider, List.of(session("THURSDAY", "09:00", "12:00"))), 201);
        Map<String, Object> revise = Map.of(
                "timetable",
                List.of(session("WEDNESDAY", "10:00", "13:00")),
                "effectiveFrom",
                START.plusWeeks(1).toString(),
                "reason",
                "Move to Wednesdays");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(revise)
                .put("/api/v1/placements/{id}/timetable", second)
                .then()
                .statusCode(409)
                .body("type", equalTo(CLASH));

        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Provider could not staff Wednesdays"))
                .post("/api/v1/placements/{id}/cancel", first)
                .then()
                .statusCode(200);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(revise)
                .put("/api/v1/placements/{id}/timetable", second)
                .then()
                .statusCode(200)
                .body("hoursPerWeek", equalTo("3.00"));
    }

    @Test
    void thePupilsWeekShowsHoursAtProvidersAgainstTheSchoolWeek() {
        UUID farm = approvedProvider("UNREGISTERED");
        UUID tutor = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String pupil = pupil(schoolA(), "100001", "K");
        commission(
                placement(
                        pupil,
                        farm,
                        List.of(session("MONDAY", "09:00", "12:00"), session("TUESDAY", "09:00", "12:30"))),
                201);
        commission(placement(pupil, tutor, List.of(session("FRIDAY", "13:00", "15:00"))), 201);

        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}/week?on={d}", pupil, START.plusDays(3).toString())
                .then()
                .statusCode(200)
                .body("placements", hasSize(2))
                .body("hoursAtProviders", equalTo("8.50"))
                .body("schoolWeekHours", equalTo("32.5"))
                .body("hoursExpectedInSchool", equalTo("24.00"));
        given().header("Authorization", schoolA())
                .get(
                        "/api/v1/pupils/{id}/week?on={d}",
                        pupil,
                        START.minusDays(1).toString())
                .then()
                .statusCode(200)
                .body("placements", hasSize(0))
                .body("hoursExpectedInSchool", equalTo("32.5"));
        given().header("Authorization", PlacementFixtures.schoolB())
                .get("/api/v1/pupils/{id}/week", pupil)
                .then()
                .statusCode(404);
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}/week?on=yesterday", pupil)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
