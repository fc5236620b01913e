package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.START;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.eighteenHours;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.pupil;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolB;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.session;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.seventeenAndAHalfHours;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class PlacementLifecycleTest {
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";

    private static String commissioned() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String pupil = pupil(schoolA(), "100001", "K");
        return given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, List.of(session("MONDAY", "09:00", "15:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .extract()
                .path("id");
    }

    private static JsonNode event(String type, String placement) {
        JsonNode e = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.placements.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.placement." + type, placement),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.placements.v1", e));
        return e;
    }

    private static Map<String, Object> plan() {
        return Map.of(
                "destination",
                "RETURN_TO_SCHOOL",
                "phasedReturn",
                true,
                "plan",
                "Two mornings a week in school for four weeks, then full time with mentor support",
                "strategiesShared",
                "Regulation plan and check-in routine shared with the head of year",
                "keepInTouchDates",
                List.of(START.plusWeeks(6).toString(), START.plusWeeks(10).toString()));
    }

    @Test
    void aPlacementCannotEndWithoutATransitionPlanAndEndingPublishesItsLastDay() {
        String id = commissioned();
        String lastDay = START.plusWeeks(4).toString();
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "READY_EARLY", "endDate", lastDay, "reason", "Ready to return"))
                .post("/api/v1/placements/{id}/end", id)
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "transition-plan-required"))
                .body("errors[0].field", equalTo("transitionPlan"));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "READY_EARLY",
                        "endDate",
                        lastDay,
                        "reason",
                        "Ready to return",
                        "transitionPlan",
                        Map.of("destination", "RETURN_TO_SCHOOL")))
                .post("/api/v1/placements/{id}/end", id)
                .then()
                .statusCode(422)
                .body("errors.field", contains("transitionPlan.plan", "transitionPlan.strategiesShared"));
        given().header("Authorization", schoolB())
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "READY_EARLY", "endDate", lastDay, "reason", "x", "transitionPlan", plan()))
                .post("/api/v1/placements/{id}/end", id)
                .then()
                .statusCode(404);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "READY_EARLY",
                        "endDate",
                        START.plusWeeks(13).toString(),
                        "reason",
                        "x",
                        "transitionPlan",
                        plan()))
                .post("/api/v1/placements/{id}/end", id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("endDate"));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "READY_EARLY",
                        "endDate",
                        lastDay,
                        "reason",
                        "Ready to return",
                        "transitionPlan",
                        plan()))
                .post("/api/v1/placements/{id}/end", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ENDED"))
                .body("endDate", equalTo(lastDay))
                .body("transitionPlan.destination", equalTo("RETURN_TO_SCHOOL"));
        assertEquals(lastDay, event("ended.v1", id).path("data").path("endDate").asText());
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x"))
                .post("/api/v1/placements/{id}/cancel", id)
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "placement-status"));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/placements/{id}/steps", id)
                .then()
                .statusCode(200)
                .body("toStatus", contains("ENDED"))
                .body("[0].takenBy", equalTo("school.100001"))
                .body("[0].reason", equalTo("Ready to return"));
    }

    @Test
    void aRevisedTimetableRecomputesHoursFromItsDateAndStaysPartTimeForASchool() {
        String id = commissioned();
        String from = START.plusWeeks(2).toString();
        Map<String, Object> revise =
                new HashMap<>(Map.of("timetable", eighteenHours(), "effectiveFrom", from, "reason", "More hours"));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(revise)
                .put("/api/v1/placements/{id}/timetable", id)
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "full-time-needs-panel-decision"));
        revise.put("timetable", seventeenAndAHalfHours());
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(revise)
                .put("/api/v1/placements/{id}/timetable", id)
                .then()
                .statusCode(200)
                .body("hoursPerWeek", equalTo("17.50"))
                .body("status", equalTo("CONFIRMED"));
        JsonNode revised = event("revised.v1", id);
        assertEquals(from, revised.path("data").path("effectiveFrom").asText());
        assertEquals("17.50", revised.path("data").path("hoursPerWeek").asText());
        revise.put("effectiveFrom", START.minusDays(1).toString());
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(revise)
                .put("/api/v1/placements/{id}/timetable", id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("effectiveFrom"));
    }

    @Test
    void aPlacementNotYetStartedIsCancelledAndAStaleIfMatchIsRefused() {
        String id = commissioned();
        given().header("Authorization", schoolA())
                .header("If-Match", "\"99\"")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Family moved away"))
                .post("/api/v1/placements/{id}/cancel", id)
                .then()
                .statusCode(412);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Family moved away"))
                .post("/api/v1/placements/{id}/cancel", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        event("cancelled.v1", id);
        given().header("Authorization", schoolA())
                .post("/api/v1/placements/{id}/start", id)
                .then()
                .statusCode(409);
        given().header("Authorization", schoolA())
                .post("/api/v1/placements/{id}/confirm", id)
                .then()
                .statusCode(403);
    }

    @Test
    void aPlacementStartsNoEarlierThanItsStartDateAndACancelledOneTakesNoContact() {
        String id = commissioned();
        given().header("Authorization", schoolA())
                .post("/api/v1/placements/{id}/start", id)
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "date-outside-placement"))
                .body("detail", equalTo("the placement starts on " + START));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "The pupil's needs changed"))
                .post("/api/v1/placements/{id}/cancel", id)
                .then()
                .statusCode(200);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("contactOn", START.toString(), "method", "PHONE", "summary", "Introductory call"))
                .post("/api/v1/placements/{id}/contacts", id)
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "placement-not-running"));
        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}/contacts", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aTransitionPlanOfAMegabyteIsRefusedNamingTheFieldAndNothingChanges() {
        String id = commissioned();
        Map<String, Object> plan = new HashMap<>(plan());
        plan.put("plan", "x".repeat(1_000_000));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "READY_EARLY",
                        "endDate",
                        START.plusWeeks(4).toString(),
                        "reason",
                        "x",
                        "transitionPlan",
                        plan))
                .post("/api/v1/placements/{id}/end", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("transitionPlan.plan"))
                .body("errors[0].rule", equalTo("size"))
                .body("detail", not(containsString("xxxx")));
        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void aPlacementTheHubArrangedIsChangedByTheHubNotByTheSchool() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String pupil = pupil(schoolA(), "100001", "K");
        String id = given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, List.of(session("MONDAY", "09:00", "12:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .body("commissioner", equalTo("ALP_HUB"))
                .extract()
                .path("id");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "The school would rather not"))
                .post("/api/v1/placements/{id}/cancel", id)
                .then()
                .statusCode(403)
                .body("type", equalTo(RULES + "hub-arranged-placement"))
                .body("detail", equalTo("this placement was arranged by the ALP Hub: ask the ALP Hub to cancel it"));
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Agreed with the school"))
                .post("/api/v1/placements/{id}/cancel", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void aProviderSuspendedInTheRegistryFlagsItsRunningPlacementsForReviewWithinSeconds() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String pupil = pupil(schoolA(), "100001", "K");
        String running = given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, List.of(session("MONDAY", "09:00", "15:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .body("reviewNeeded", equalTo(false))
                .extract()
                .path("id");
        String cancelled = given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, List.of(session("TUESDAY", "09:00", "12:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "not needed"))
                .post("/api/v1/placements/{id}/cancel", cancelled)
                .then()
                .statusCode(200);

        PlacementFixtures.providerEvent(
                provider,
                UUID.randomUUID(),
                "SUSPENDED",
                "REGISTERED_INDEPENDENT_SCHOOL",
                true,
                OffsetDateTime.now().plusSeconds(1));
        // Within seconds: the flag follows the registry's event, not a nightly job.
        Ports.await(
                "review needed",
                Duration.ofSeconds(10),
                () -> given().header("Authorization", TestTokens.hubOfficer())
                        .get("/api/v1/placements/{id}", running)
                        .then()
                        .extract()
                        .<Boolean>path("reviewNeeded"));
        given().header("Authorization", TestTokens.hubOfficer())
                .queryParam("reviewNeeded", true)
                .queryParam("providerId", provider)
                .get("/api/v1/placements")
                .then()
                .statusCode(200)
                .body("items.id", contains(running))
                .body("items[0].reviewReason", Matchers.startsWith("the provider is suspended"));
    }
}
