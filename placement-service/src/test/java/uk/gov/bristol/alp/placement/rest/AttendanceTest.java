package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.pupil;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class AttendanceTest {
    private static final String BATCHES = "/api/v1/placements/attendance-batches";

    /** A placement with this provider from {@code start}, twelve weeks. */
    private static String placementFrom(UUID provider, LocalDate start) {
        String pupil = pupil(schoolA(), "100001", "K");
        Map<String, Object> body =
                new HashMap<>(placement(pupil, provider, List.of(session("MONDAY", "09:00", "15:00"))));
        body.put("startDate", start.toString());
        body.put("plannedEndDate", start.plusWeeks(12).toString());
        return given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> mark(String placement, String date, String session, String code) {
        return Map.of("placementId", placement, "date", date, "session", session, "code", code);
    }

    private static ValidatableResponse send(String token, UUID batch, List<Map<String, Object>> marks) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of("batchId", batch.toString(), "marks", marks))
                .post(BATCHES)
                .then();
    }

    @Test
    void codeHIsAcceptedOnTheEighteenthOfAugust2024AndRefusedFromTheNineteenthWithNothingStored() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String placement = placementFrom(provider, LocalDate.parse("2024-08-12"));
        send(
                        TestTokens.provider(provider.toString()),
                        UUID.randomUUID(),
                        List.of(mark(placement, "2024-08-16", "AM", "/"), mark(placement, "2024-08-19", "AM", "H")))
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/attendance-batch-invalid"))
                .body("errors.field", contains("marks[1].code"));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/placements/{id}/attendance", placement)
                .then()
                .statusCode(200)
                .body("marks", empty());
        send(
                        TestTokens.provider(provider.toString()),
                        UUID.randomUUID(),
                        List.of(mark(placement, "2024-08-16", "AM", "/"), mark(placement, "2024-08-18", "AM", "H")))
                .statusCode(201)
                .body("marks", equalTo(2));
        send(
                        TestTokens.provider(UUID.randomUUID().toString()),
                        UUID.randomUUID(),
                        List.of(mark(placement, "2024-08-16", "PM", "/")))
                .statusCode(422)
                .body("errors[0].field", equalTo("marks[0].placementId"));
        send(
                        TestTokens.provider(provider.toString()),
                        UUID.randomUUID(),
                        List.of(mark(placement, "2024-08-09", "PM", "/"), mark(placement, "2024-08-13", "PM", "Q9")))
                .statusCode(422)
                .body("errors.field", contains("marks[0].date", "marks[1].code"));
        Map<String, Object> undated = new HashMap<>(mark(placement, "2024-08-14", "AM", "/"));
        undated.remove("date");
        send(
                        TestTokens.provider(provider.toString()),
                        UUID.randomUUID(),
                        List.of(
                                mark(placement, "2024-08-13", "AM", "/"),
                                mark(placement, "2024-08-13", "EV", "/"),
                                undated))
                .statusCode(422)
                .body("errors.field", contains("marks[1].session", "marks[2]"))
                .body("errors.rule", contains("amOrPm", "complete"));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/placements/{id}/attendance", placement)
                .then()
                .statusCode(200)
                .body("marks.date", not(hasItem("2024-08-13")));
    }

    @Test
    void aBatchIsIdempotentTheLatestMarkWinsAndTenPerCentMissedIsPersistentAbsence() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        LocalDate monday = LocalDate.parse("2026-01-05");
        String placement = placementFrom(provider, monday);
        List<Map<String, Object>> marks = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            String date = monday.plusDays(day).toString();
            marks.add(mark(placement, date, "AM", "/"));
            marks.add(mark(placement, date, "PM", day == 2 ? "I" : "\\"));
        }
        marks.add(mark(placement, monday.toString(), "AM", "#")); // a corrected mark in the same batch: a closure
        UUID batch = UUID.randomUUID();
        send(TestTokens.provider(provider.toString()), batch, marks)
                .statusCode(201)
                .body("marks", equalTo(10))
                .body("alreadyReceived", equalTo(false));
        send(TestTokens.provider(provider.toString()), batch, marks)
                .statusCode(200)
                .body("alreadyReceived", equalTo(true));
        List<Map<String, Object>> corrected = new ArrayList<>(marks);
        corrected.set(0, mark(placement, monday.toString(), "AM", "O"));
        send(TestTokens.provider(provider.toString()), batch, corrected)
                .statusCode(409)
                .body("type", endsWith("/attendance-batch-reused"))
                .body("errors.field", contains("batchId"));
        // 9 possible sessions (the closure is not), 8 attended: 88.9 %, over 10 % missed
        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}/attendance", placement)
                .then()
                .statusCode(200)
                .body("possibleSessions", equalTo(9))
                .body("attendedSessions", equalTo(8))
                .body("attendancePercent", equalTo("88.9"))
                .body("persistentAbsence", equalTo(true));
        send(
                        TestTokens.provider(provider.toString()),
                        UUID.randomUUID(),
                        List.of(mark(placement, monday.plusDays(2).toString(), "PM", "L")))
                .statusCode(201);
        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}/attendance", placement)
                .then()
                .body("attendedSessions", equalTo(9))
                .body("attendancePercent", equalTo("100.0"))
                .body("persistentAbsence", equalTo(false));

        JsonNode event = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.placements.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.placement.attendance-recorded.v1", placement),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.placements.v1", event));
        assertEquals(10, event.path("data").path("marks").size());
    }
}
