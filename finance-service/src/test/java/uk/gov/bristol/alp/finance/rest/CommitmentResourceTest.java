package uk.gov.bristol.alp.finance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.support.PlacementEventData;
import uk.gov.bristol.alp.platform.inbox.ParkedEvent;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestEvents;
import uk.gov.bristol.alp.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_finance"))
class CommitmentResourceTest {

    private static String confirmed(UUID eventId, UUID placement, String rate) {
        Map<String, Object> data = PlacementEventData.confirmedSchoolPlacement(
                placement, UUID.randomUUID(), "2026-01-05", "2026-03-29", "17.50");
        if (rate != null) {
            data.put("hourlyRate", rate);
        }
        return TestEvents.envelope(
                eventId, "uk.gov.bristol.alp.placement.confirmed.v1", placement.toString(), OffsetDateTime.now(), data);
    }

    @Test
    void aConfirmedPlacementIsCommittedOnceHoweverOftenItsEventArrives() {
        UUID placement = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = confirmed(eventId, placement, "42.50");
        TestEvents.publish("alp.placements.v1", placement.toString(), event);
        TestEvents.publish("alp.placements.v1", placement.toString(), event);
        // A second, distinct event for the same placement (a replayed history) must not commit twice either.
        TestEvents.publish("alp.placements.v1", placement.toString(), confirmed(UUID.randomUUID(), placement, "42.50"));

        Ports.await(
                "commitment",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> Commitment.count("placementId", placement)) == 1);
        given().header("Authorization", TestTokens.financeOfficer())
                .get("/api/v1/finance/commitments?placementId={p}", placement)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].forecastCost", equalTo("8925.00"))
                .body("items[0].weeks", equalTo("12.0000"))
                .body("items[0].status", equalTo("COMMITTED"));

        JsonNode created = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.finance.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.finance.commitment-created.v1", placement.toString()),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.finance.v1", created));
        assertEquals(
                1,
                KafkaEvents.read(
                                KafkaBroker.shared().bootstrapServers(),
                                "alp.finance.v1",
                                KafkaEvents.ofType(
                                        "uk.gov.bristol.alp.finance.commitment-created.v1", placement.toString()),
                                Duration.ofSeconds(2))
                        .size());
    }

    @Test
    void withoutAnAgreedRateTheCommitmentWaitsForIt() {
        UUID placement = UUID.randomUUID();
        TestEvents.publish("alp.placements.v1", placement.toString(), confirmed(UUID.randomUUID(), placement, null));
        Ports.await(
                "commitment",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> Commitment.count("placementId", placement)) == 1);
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/finance/commitments?placementId={p}", placement)
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("RATE_PENDING"))
                .body("items[0].forecastCost", equalTo(null));
    }

    @Test
    void anUnreadableEventIsParkedForAnOperatorAndLaterEventsStillFlow() {
        String junk = "{not json " + UUID.randomUUID();
        TestEvents.publish("alp.placements.v1", "junk", junk);
        Ports.await(
                "the unreadable record parked",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> ParkedEvent.count("record", junk)) == 1);
        long id = QuarkusTransaction.requiringNew()
                .call(() -> ParkedEvent.<ParkedEvent>find("record", junk).singleResult().id);
        given().header("Authorization", TestTokens.operator())
                .get("/api/v1/operations/parked-events/{id}", id)
                .then()
                .statusCode(200)
                .body("record", equalTo(junk))
                .body("summary.consumer", equalTo("finance-service.placements"))
                .body("summary.error", containsString("not an ALP event envelope"));
        given().header("Authorization", TestTokens.financeOfficer())
                .get("/api/v1/operations/parked-events/{id}", id)
                .then()
                .statusCode(403);

        UUID placement = UUID.randomUUID();
        TestEvents.publish("alp.placements.v1", placement.toString(), confirmed(UUID.randomUUID(), placement, "40.00"));
        Ports.await(
                "commitment after the bad record",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> Commitment.count("placementId", placement)) == 1);
    }

    @Test
    void anEventARuleRefusesIsParkedAfterAFewTriesAndAReplayThatStillFailsSaysSo() throws Exception {
        UUID broken = UUID.randomUUID();
        // Readable, but without hours a week: applying it fails on every attempt.
        ObjectNode envelope = (ObjectNode) new ObjectMapper().readTree(confirmed(UUID.randomUUID(), broken, "40.00"));
        ((ObjectNode) envelope.get("data")).remove("hoursPerWeek");
        TestEvents.publish("alp.placements.v1", broken.toString(), envelope.toString());
        Ports.await(
                "the failing event parked",
                Duration.ofSeconds(60),
                () -> QuarkusTransaction.requiringNew().call(() -> ParkedEvent.count("subject", broken.toString()))
                        == 1);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Commitment.count("placementId", broken)));

        UUID next = UUID.randomUUID();
        TestEvents.publish("alp.placements.v1", next.toString(), confirmed(UUID.randomUUID(), next, "40.00"));
        Ports.await(
                "commitment after the failing event",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> Commitment.count("placementId", next)) == 1);

        long id = QuarkusTransaction.requiringNew()
                .call(() -> ParkedEvent.<ParkedEvent>find("subject", broken.toString())
                        .singleResult()
                        .id);
        given().header("Authorization", TestTokens.operator())
                .post("/api/v1/operations/parked-events/{id}/replay", id)
                .then()
                .statusCode(200)
                .body("outcomes.PARKED", equalTo(1));
        assertEquals(
                2L,
                (long) QuarkusTransaction.requiringNew().call(() -> ParkedEvent.count("subject", broken.toString())),
                "still failing: parked again, with the reason");
    }

    @Test
    void aParkedEventReplayedIsAppliedOnceAndTheReplayIsAudited() {
        UUID placement = UUID.randomUUID();
        String event = confirmed(UUID.randomUUID(), placement, "40.00");
        // As if it had been parked during an outage longer than the retry window.
        long id = QuarkusTransaction.requiringNew().call(() -> {
            ParkedEvent parked = new ParkedEvent();
            parked.consumer = "finance-service.placements";
            parked.eventType = "uk.gov.bristol.alp.placement.confirmed.v1";
            parked.subject = placement.toString();
            parked.record = event;
            parked.error = "java.sql.SQLTransientConnectionException: the database was away";
            parked.attempts = 40;
            parked.parkedAt = OffsetDateTime.now();
            parked.persist();
            return parked.id;
        });
        given().header("Authorization", TestTokens.operator())
                .queryParam("consumer", "finance-service.placements")
                .queryParam("size", 200)
                .get("/api/v1/operations/parked-events")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id));

        given().header("Authorization", TestTokens.operator())
                .post("/api/v1/operations/parked-events/{id}/replay", id)
                .then()
                .statusCode(200)
                .body("outcomes.APPLIED", equalTo(1));
        given().header("Authorization", TestTokens.operator())
                .post("/api/v1/operations/parked-events/{id}/replay", id)
                .then()
                .statusCode(200)
                .body("outcomes.ALREADY_APPLIED", equalTo(1));
        // The broker delivering it again changes nothing either: the inbox has it.
        TestEvents.publish("alp.placements.v1", placement.toString(), event);
        Ports.await(
                "the redelivered copy skipped",
                Duration.ofSeconds(10),
                () -> QuarkusTransaction.requiringNew().call(() -> Commitment.count("placementId", placement)) == 1);
        assertEquals(
                1L, (long) QuarkusTransaction.requiringNew().call(() -> Commitment.count("placementId", placement)));
        ParkedEvent after = QuarkusTransaction.requiringNew().call(() -> ParkedEvent.findById(id));
        assertEquals("APPLIED", after.replayOutcome);
        assertEquals("operator", after.replayedBy);
        given().header("Authorization", TestTokens.operator())
                .queryParam("consumer", "finance-service.placements")
                .queryParam("size", 200)
                .get("/api/v1/operations/parked-events")
                .then()
                .body("items.id", not(hasItem((int) id)));
    }

    @Test
    void onlyFinanceHubAndAuditorsMayRead() {
        given().header("Authorization", TestTokens.school("100001"))
                .get("/api/v1/finance/commitments")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/finance/commitments").then().statusCode(401);
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/finance/commitments?size=500")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }
}
