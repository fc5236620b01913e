package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.placement.service.OversightService;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/** While a placement runs: learning plan, reviews, contact, and the concerns the Hub hears of. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class PlacementCareTest {
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    /** Started 50 days ago: past the first review (42 days) and long past the first week's contact. */
    private static final LocalDate STARTED = TODAY.minusDays(50);

    @Inject
    OversightService oversight;

    @Inject
    SchoolCalendar calendar;

    private static String activePlacement(UUID provider) {
        return PlacementFixtures.startedPlacement(provider, STARTED);
    }

    private static List<String> attention(String token, String kind) {
        return given().header("Authorization", token)
                .get("/api/v1/placements/attention?kind={k}", kind)
                .then()
                .statusCode(200)
                .extract()
                .path("placementId");
    }

    private static JsonNode attentionEvent(String placement, String kind) {
        JsonNode e = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.placements.v1",
                n -> KafkaEvents.ofType("uk.gov.bristol.alp.placement.attention-needed.v1", placement)
                                .test(n)
                        && kind.equals(n.path("data").path("kind").asText()),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.placements.v1", e));
        return e;
    }

    @Test
    void overdueContactAndReviewAreListedAndRaisedOnceAndRecordingThemClearsTheList() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String id = activePlacement(provider);
        String hub = TestTokens.hubOfficer();
        assertThat(attention(hub, "CONTACT_OVERDUE"), hasItem(id));
        assertThat(attention(hub, "REVIEW_OVERDUE"), hasItem(id));
        assertThat(attention(TestTokens.provider(provider.toString()), "REVIEW_OVERDUE"), equalTo(List.of(id)));
        assertThat(attention(TestTokens.school("100999"), "REVIEW_OVERDUE"), hasSize(0));
        given().header("Authorization", TestTokens.financeOfficer())
                .get("/api/v1/placements/attention")
                .then()
                .statusCode(403);

        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/London"));
        oversight.raiseNew(now);
        assertEquals(
                STARTED.plusDays(7).toString(),
                attentionEvent(id, "CONTACT_OVERDUE")
                        .path("data")
                        .path("occurrence")
                        .asText());
        attentionEvent(id, "REVIEW_OVERDUE");
        assertEquals(0, oversight.raiseNew(now), "a second sweep at the same moment raises nothing new");

        given().header("Authorization", TestTokens.provider(provider.toString()))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "contactOn",
                        TODAY.toString(),
                        "method",
                        "PHONE",
                        "summary",
                        "Settling well; one difficult morning on Monday"))
                .post("/api/v1/placements/{id}/contacts", id)
                .then()
                .statusCode(201)
                .body("party", equalTo("PROVIDER"));
        Map<String, Object> review = new HashMap<>(Map.of(
                "heldOn",
                TODAY.toString(),
                "attendees",
                "Head of year, provider lead, parent",
                "summary",
                "Good progress on regulation targets",
                "pupilVoice",
                "Likes the small group; wants more time on the practical course",
                "decision",
                "CONTINUE",
                "nextReviewBy",
                TODAY.plusDays(43).toString()));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(review)
                .post("/api/v1/placements/{id}/reviews", id)
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "review-interval"))
                .body("errors[0].field", equalTo("nextReviewBy"));
        review.put("nextReviewBy", TODAY.plusDays(42).toString());
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(review)
                .post("/api/v1/placements/{id}/reviews", id)
                .then()
                .statusCode(201);

        assertThat(attention(hub, "CONTACT_OVERDUE"), not(hasItem(id)));
        assertThat(attention(hub, "REVIEW_OVERDUE"), not(hasItem(id)));
        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}/reviews", id)
                .then()
                .body("$", hasSize(1))
                .body("[0].decision", equalTo("CONTINUE"));
        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}/contacts", id)
                .then()
                .body("$", hasSize(1));
        given().header("Authorization", TestTokens.school("100999"))
                .get("/api/v1/placements/{id}/contacts", id)
                .then()
                .statusCode(404);
    }

    @Test
    void aPupilNotArrivedThirtyMinutesIntoTheirSessionIsRaisedTheSameDayAndASafeguardingConcernAtOnce() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String id = activePlacement(provider);
        LocalDate monday = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (!calendar.isSchoolDay(monday)) { // the most recent Monday that is not a bank holiday
            monday = monday.minusWeeks(1);
        }
        oversight.raiseNew(ZonedDateTime.of(monday, LocalTime.of(9, 31), ZoneId.of("Europe/London")));
        assertEquals(
                monday + "/AM",
                attentionEvent(id, "NOT_ARRIVED")
                        .path("data")
                        .path("occurrence")
                        .asText());

        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "contactOn",
                        TODAY.toString(),
                        "method",
                        "MEETING",
                        "safeguardingConcern",
                        true,
                        "summary",
                        "Disclosure made to the provider's key worker; DSL informed"))
                .post("/api/v1/placements/{id}/contacts", id)
                .then()
                .statusCode(201)
                .body("party", equalTo("SCHOOL"));
        attentionEvent(id, "SAFEGUARDING_CONCERN");
    }

    @Test
    void fourWeeksWithTenPerCentOfPossibleSessionsMissedIsAnAttendanceConcernAndOneLessIsNot() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String missedOneInTen = activePlacement(provider);
        String missedOneInEleven = activePlacement(provider);
        List<Map<String, Object>> marks = new ArrayList<>();
        for (int day = 1; day <= 11; day++) {
            String date = TODAY.minusDays(day).toString();
            marks.add(Map.of(
                    "placementId", missedOneInEleven, "date", date, "session", "AM", "code", day == 1 ? "O" : "/"));
            if (day <= 10) {
                marks.add(Map.of(
                        "placementId", missedOneInTen, "date", date, "session", "AM", "code", day == 1 ? "O" : "/"));
            }
        }
        // A dual-registration mark is not a possible session: it neither adds to nor dilutes the rate.
        marks.add(Map.of(
                "placementId", missedOneInTen, "date", TODAY.minusDays(12).toString(), "session", "AM", "code", "D"));
        given().header("Authorization", TestTokens.provider(provider.toString()))
                .contentType(ContentType.JSON)
                .body(Map.of("batchId", UUID.randomUUID().toString(), "marks", marks))
                .post("/api/v1/placements/attendance-batches")
                .then()
                .statusCode(201);
        List<String> concerns = attention(TestTokens.hubOfficer(), "ATTENDANCE_CONCERN");
        assertThat(concerns, hasItem(missedOneInTen));
        assertThat(concerns, not(hasItem(missedOneInEleven)));
    }

    @Test
    void aLearningPlanBreaksOutcomesIntoTargetsAndProgressNeedsIfMatch() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String id = activePlacement(provider);
        String providerToken = TestTokens.provider(provider.toString());
        var created = given().header("Authorization", providerToken)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "outcome",
                        "Manage frustration in group work",
                        "target",
                        "Use the agreed exit card instead of leaving the room"))
                .post("/api/v1/placements/{id}/learning-plan/targets", id)
                .then()
                .statusCode(201)
                .body("progress", equalTo("NOT_STARTED"))
                .extract();
        String target = created.path("id");
        String progress = "/api/v1/placements/{id}/learning-plan/targets/{t}/progress";
        Map<String, String> body = Map.of("progress", "DEVELOPING", "note", "Used the card twice this week");
        given().header("Authorization", providerToken)
                .contentType(ContentType.JSON)
                .body(body)
                .put(progress, id, target)
                .then()
                .statusCode(428);
        given().header("Authorization", providerToken)
                .header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON)
                .body(body)
                .put(progress, id, target)
                .then()
                .statusCode(200)
                .body("progress", equalTo("DEVELOPING"));
        given().header("Authorization", providerToken)
                .header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON)
                .body(body)
                .put(progress, id, target)
                .then()
                .statusCode(412);
        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}/learning-plan", id)
                .then()
                .body("$", hasSize(1))
                .body("[0].progressNote", containsString("twice"));
    }
}
