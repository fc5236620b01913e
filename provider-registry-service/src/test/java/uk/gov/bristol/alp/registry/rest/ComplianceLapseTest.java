package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.newUkprn;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.passAllMandatory;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.register;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.registry.service.ComplianceSweep;
import uk.gov.bristol.alp.registry.support.MovableClock;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/** Lapsed evidence must be visible at once: on read, by the sweep, and as one event per lapse. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class ComplianceLapseTest {
    private static final String LAPSED = "uk.gov.bristol.alp.provider.compliance-lapsed.v1";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Inject
    ComplianceSweep sweep;

    @AfterEach
    void backToToday() {
        MovableClock.reset();
    }

    private static String approvedWithEvidenceExpiringToday() {
        String id = register(newUkprn());
        passAllMandatory(id, TODAY);
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/providers/{id}/approve", id)
                .then()
                .statusCode(200);
        return id;
    }

    private static List<JsonNode> lapses(String id) {
        return KafkaEvents.read(
                KafkaBroker.shared().bootstrapServers(),
                "alp.providers.v1",
                KafkaEvents.ofType(LAPSED, id),
                Duration.ofSeconds(3));
    }

    @Test
    void theSweepFindsEvidenceThatExpiredOvernightAndPublishesTheLapseOnce() {
        String id = approvedWithEvidenceExpiringToday();
        assertEquals(0, sweep.run() >= 0 ? lapses(id).size() : -1, "in date today: no lapse yet");

        MovableClock.advanceDays(1);
        assertTrue(sweep.run() >= 1);
        JsonNode event = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.providers.v1",
                KafkaEvents.ofType(LAPSED, id),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.providers.v1", event));
        assertEquals(false, event.path("data").path("compliant").asBoolean());
        assertEquals("APPROVED", event.path("data").path("frameworkStatus").asText());

        sweep.run();
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .body("compliance.compliant", equalTo(false))
                .body("compliance.gaps.problem", hasItem("expired"));
        assertEquals(1, lapses(id).size(), "one event per lapse, however often it is seen");
    }

    @Test
    void aLapseIsSeenAndPublishedOnReadBeforeAnySweep() {
        String id = approvedWithEvidenceExpiringToday();
        MovableClock.advanceDays(1);
        given().header("Authorization", TestTokens.school("100001"))
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .body("compliance.compliant", equalTo(false));
        KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.providers.v1",
                KafkaEvents.ofType(LAPSED, id),
                Duration.ofSeconds(20));
    }

    @Test
    void renewedEvidenceEndsTheLapseAndALaterExpiryIsPublishedAgain() {
        String id = approvedWithEvidenceExpiringToday();
        MovableClock.advanceDays(1);
        sweep.run();
        passAllMandatory(id, TODAY.plusDays(3));
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/providers/{id}", id)
                .then()
                .body("compliance.compliant", equalTo(true));
        MovableClock.advanceDays(3);
        sweep.run();
        assertEquals(2, lapses(id).size(), "a second lapse is a second event");
    }

    @Test
    void evidenceExpiringWithinTheReminderWindowIsAnnouncedOncePerExpiryDate() {
        String soon = register(newUkprn());
        passAllMandatory(soon, TODAY.plusDays(20));
        String later = register(newUkprn());
        passAllMandatory(later, TODAY.plusDays(90));
        for (String id : List.of(soon, later)) {
            given().header("Authorization", TestTokens.registryOfficer())
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/api/v1/providers/{id}/approve", id)
                    .then()
                    .statusCode(200);
        }
        sweep.run();
        sweep.run();
        String expiring = "uk.gov.bristol.alp.provider.evidence-expiring.v1";
        JsonNode event = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.providers.v1",
                KafkaEvents.ofType(expiring, soon),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.providers.v1", event));
        assertEquals(
                TODAY.plusDays(20).toString(),
                event.path("data").path("compliantUntil").asText());
        assertEquals(
                1,
                KafkaEvents.read(
                                KafkaBroker.shared().bootstrapServers(),
                                "alp.providers.v1",
                                KafkaEvents.ofType(expiring, soon),
                                Duration.ofSeconds(3))
                        .size(),
                "announced once however often the sweep runs");
        assertEquals(
                0,
                KafkaEvents.read(
                                KafkaBroker.shared().bootstrapServers(),
                                "alp.providers.v1",
                                KafkaEvents.ofType(expiring, later),
                                Duration.ofSeconds(3))
                        .size(),
                "90 days away: outside the 30-day window");
    }
}
