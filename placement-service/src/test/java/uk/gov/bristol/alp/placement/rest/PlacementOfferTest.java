package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.START;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProviderAnswering;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.proposedFromPanel;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.provider;
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
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.placement.domain.PlacementOffer;
import uk.gov.bristol.alp.placement.service.OversightService;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/** A proposal offered to its provider: accepted before it is confirmed, or declined and offered elsewhere. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class PlacementOfferTest {
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";

    @Inject
    OversightService oversight;

    private static List<Map<String, Object>> offers(String token, UUID placement) {
        return given().header("Authorization", token)
                .get("/api/v1/placements/{id}/offers", placement)
                .then()
                .statusCode(200)
                .extract()
                .path("$");
    }

    private static List<String> attention(String kind) {
        return given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/placements/attention?kind={k}", kind)
                .then()
                .statusCode(200)
                .extract()
                .path("placementId");
    }

    private static JsonNode proposedEvent(UUID placement, UUID provider) {
        JsonNode e = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.placements.v1",
                n -> KafkaEvents.ofType("uk.gov.bristol.alp.placement.proposed.v1", placement.toString())
                                .test(n)
                        && provider.toString()
                                .equals(n.path("data").path("providerId").asText()),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.placements.v1", e));
        return e;
    }

    @Test
    void aProposalIsConfirmedOnlyOnceItsProviderHasAcceptedTheOffer() {
        UUID provider = approvedProviderAnswering(2);
        UUID placement = proposedFromPanel(provider, "K");
        String providerToken = TestTokens.provider(provider.toString());

        List<Map<String, Object>> made = offers(providerToken, placement);
        assertThat(made, hasSize(1));
        assertEquals("AWAITING", made.get(0).get("answer"));
        assertEquals(2, made.get(0).get("timescaleDays"));
        OffsetDateTime offeredAt = OffsetDateTime.parse((String) made.get(0).get("offeredAt"));
        OffsetDateTime respondBy = OffsetDateTime.parse((String) made.get(0).get("respondBy"));
        assertEquals(
                PlacementOffer.addWorkingDays(offeredAt.toZonedDateTime(), 2).toInstant(), respondBy.toInstant());
        given().header("Authorization", providerToken)
                .get("/api/v1/placement-offers?answer=AWAITING")
                .then()
                .statusCode(200)
                .body("items.placementId", hasItem(placement.toString()));

        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/placements/{id}/confirm", placement)
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "offer-not-accepted"))
                .body("detail", equalTo("the offer to the provider is AWAITING"));

        LocalDate later = START.plusDays(3);
        String accept = "/api/v1/placements/{id}/offers/accept";
        Map<String, String> acceptLater = Map.of("startDate", later.toString(), "note", "Key worker free from then");
        given().header("Authorization", TestTokens.provider(UUID.randomUUID().toString()))
                .contentType(ContentType.JSON)
                .body(acceptLater)
                .post(accept, placement)
                .then()
                .statusCode(404);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(acceptLater)
                .post(accept, placement)
                .then()
                .statusCode(403);
        given().header("Authorization", providerToken)
                .contentType(ContentType.JSON)
                .body(Map.of("startDate", LocalDate.now().minusDays(1).toString()))
                .post(accept, placement)
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "date-outside-placement"))
                .body("errors[0].field", equalTo("startDate"));
        given().header("Authorization", providerToken)
                .contentType(ContentType.JSON)
                .body(acceptLater)
                .post(accept, placement)
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"))
                .body("startDate", equalTo(later.toString()));
        given().header("Authorization", providerToken)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Changed our mind"))
                .post("/api/v1/placements/{id}/offers/decline", placement)
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "offer-status"));

        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/placements/{id}/confirm", placement)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        Map<String, Object> answered = offers(schoolA(), placement).get(0);
        assertEquals("ACCEPTED", answered.get("answer"));
        assertEquals(later.toString(), answered.get("startDate"));
        assertEquals("Key worker free from then", answered.get("note"));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/placements/{id}/steps", placement)
                .then()
                .statusCode(200)
                .body("what", hasItem("offer accepted by the provider, start " + START + " -> " + later));
    }

    @Test
    void aDeclineReturnsTheProposalToTheHubWhichOffersItElsewhere() {
        UUID first = approvedProviderAnswering(3);
        UUID second = approvedProviderAnswering(3);
        UUID placement = proposedFromPanel(first, "K");
        given().header("Authorization", TestTokens.provider(first.toString()))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", " "))
                .post("/api/v1/placements/{id}/offers/decline", placement)
                .then()
                .statusCode(400);
        given().header("Authorization", TestTokens.provider(first.toString()))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "No key stage 3 places this term"))
                .post("/api/v1/placements/{id}/offers/decline", placement)
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"));
        assertThat(attention("OFFER_DECLINED"), hasItem(placement.toString()));
        oversight.raiseNew(ZonedDateTime.now());
        JsonNode raised = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.placements.v1",
                n -> KafkaEvents.ofType("uk.gov.bristol.alp.placement.attention-needed.v1", placement.toString())
                                .test(n)
                        && "OFFER_DECLINED".equals(n.path("data").path("kind").asText()),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.placements.v1", raised));

        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/placements/{id}/confirm", placement)
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "offer-not-accepted"))
                .body("detail", equalTo("the offer to the provider is DECLINED"));
        UUID suspended = provider("SUSPENDED", "REGISTERED_INDEPENDENT_SCHOOL", true, OffsetDateTime.now());
        PlacementFixtures.awaitProviderStatus(suspended, "SUSPENDED");
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("providerId", suspended.toString()))
                .post("/api/v1/placements/{id}/offers", placement)
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "provider-not-approved"));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("providerId", second.toString()))
                .post("/api/v1/placements/{id}/offers", placement)
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("providerId", second.toString(), "note", "Second choice from the panel's shortlist"))
                .post("/api/v1/placements/{id}/offers", placement)
                .then()
                .statusCode(200)
                .body("providerId", equalTo(second.toString()))
                .body("status", equalTo("PROPOSED"));

        proposedEvent(placement, second);
        assertThat(attention("OFFER_DECLINED"), not(hasItem(placement.toString())));
        List<Map<String, Object>> history = offers(TestTokens.hubOfficer(), placement);
        assertEquals(
                List.of("DECLINED", "AWAITING"),
                history.stream().map(o -> o.get("answer")).toList());
        assertEquals("No key stage 3 places this term", history.get(0).get("note"));
        given().header("Authorization", TestTokens.provider(first.toString()))
                .get("/api/v1/placements/{id}", placement)
                .then()
                .statusCode(404);
        given().header("Authorization", TestTokens.provider(second.toString()))
                .contentType(ContentType.JSON)
                .body(Map.of("startDate", START.toString()))
                .post("/api/v1/placements/{id}/offers/accept", placement)
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/placements/{id}/confirm", placement)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void anOfferNotAnsweredInTimeIsOverdueAndTheReportCountsAnswersAgainstTheTimescale() {
        UUID slow = approvedProviderAnswering(0);
        UUID waiting = proposedFromPanel(slow, "K");
        UUID answered = proposedFromPanel(slow, "N");
        UUID cancelled = proposedFromPanel(slow, "K");
        given().header("Authorization", TestTokens.provider(slow.toString()))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Full"))
                .post("/api/v1/placements/{id}/offers/decline", answered)
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "The family moved out of the area"))
                .post("/api/v1/placements/{id}/cancel", cancelled)
                .then()
                .statusCode(200);

        assertThat(attention("OFFER_OVERDUE"), hasItem(waiting.toString()));
        assertThat(attention("OFFER_OVERDUE"), not(hasItem(cancelled.toString())));
        given().header("Authorization", TestTokens.provider(slow.toString()))
                .get("/api/v1/placement-offers?overdue=true")
                .then()
                .statusCode(200)
                .body("items.placementId", equalTo(List.of(waiting.toString())));

        String report = "/api/v1/placement-reports/offer-responses?from={f}&to={t}";
        String row = "find { it.providerId == '" + slow + "' }";
        LocalDate today = LocalDate.now();
        given().header("Authorization", TestTokens.auditor())
                .get(report, today.minusDays(1).toString(), today.plusDays(1).toString())
                .then()
                .statusCode(200)
                .body(row + ".responseTimescaleDays", equalTo(0))
                .body(row + ".offered", equalTo(3))
                .body(row + ".declined", equalTo(1))
                .body(row + ".awaiting", equalTo(1))
                .body(row + ".withdrawn", equalTo(1))
                .body(row + ".answeredLate", equalTo(1))
                .body(row + ".answeredInTime", equalTo(0))
                .body(row + ".overdueNow", equalTo(1));
        given().header("Authorization", TestTokens.provider(slow.toString()))
                .get(report, today.minusDays(1).toString(), today.plusDays(1).toString())
                .then()
                .statusCode(200)
                .body("providerId", equalTo(List.of(slow.toString())));
        given().header("Authorization", schoolA())
                .get(report, today.minusDays(1).toString(), today.plusDays(1).toString())
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.auditor())
                .get(report, today.toString(), today.minusDays(1).toString())
                .then()
                .statusCode(400);
    }

    @Test
    void workingDaysSkipTheWeekend() {
        ZonedDateTime friday = ZonedDateTime.parse("2026-11-27T16:00:00Z[Europe/London]");
        assertEquals(DayOfWeek.FRIDAY, friday.getDayOfWeek());
        assertEquals(friday.plusDays(3), PlacementOffer.addWorkingDays(friday, 1));
        assertEquals(friday.plusDays(7), PlacementOffer.addWorkingDays(friday, 5));
        assertEquals(friday, PlacementOffer.addWorkingDays(friday, 0));
    }
}
