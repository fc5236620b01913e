package uk.gov.bristol.alp.finance.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.PrometheusText;
import uk.gov.bristol.alp.testing.TestEvents;

/** What an operator scrapes from /q/metrics moves with what the service does (sampled every second in tests). */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_finance"))
class MetricsTest {
    private static final String CONSUMER = "finance-service.placements";

    @Inject
    EntityManager em;

    private static PrometheusText scrape() {
        return new PrometheusText(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    @Test
    void aPoisonEventRaisesTheParkedGaugeByOne() {
        double before = scrape().value("alp_events_parked", "consumer", CONSUMER);
        assertFalse(Double.isNaN(before), "the gauge is there for every consumer, parked events or not");

        TestEvents.publish("alp.placements.v1", "poison", "{not an event " + UUID.randomUUID());

        Ports.await(
                "alp_events_parked to rise by one",
                Duration.ofSeconds(30),
                () -> scrape().value("alp_events_parked", "consumer", CONSUMER) == before + 1);
        assertTrue(scrape().value("alp_events_handled_total", "consumer", CONSUMER, "outcome", "parked") >= 1);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnceAndCountedAsADuplicate() {
        double duplicates = value("alp_events_handled_total", "consumer", CONSUMER, "outcome", "already_applied");
        double applied = value("alp_events_handled_total", "consumer", CONSUMER, "outcome", "applied");
        UUID placement = UUID.randomUUID();
        String event = TestEvents.envelope(
                UUID.randomUUID(),
                "uk.gov.bristol.alp.placement.cancelled.v1",
                placement.toString(),
                OffsetDateTime.now(),
                Map.of("placementId", placement.toString(), "status", "CANCELLED"));
        TestEvents.publish("alp.placements.v1", placement.toString(), event);
        TestEvents.publish("alp.placements.v1", placement.toString(), event);

        Ports.await(
                "one duplicate counted",
                Duration.ofSeconds(30),
                () -> value("alp_events_handled_total", "consumer", CONSUMER, "outcome", "already_applied")
                        == duplicates + 1);
        assertEquals(applied + 1, value("alp_events_handled_total", "consumer", CONSUMER, "outcome", "applied"));
    }

    @Test
    void aTypeTheConsumerDoesNotActOnIsPassedOverWithoutATransactionOrAnInboxRow() {
        double passedOver = value("alp_events_handled_total", "consumer", CONSUMER, "outcome", "not_handled");
        UUID placement = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        UUID cancellation = UUID.randomUUID();
        // Finance does not act on a proposal; the cancellation behind it on the same partition it does.
        TestEvents.publish(
                "alp.placements.v1",
                placement.toString(),
                TestEvents.envelope(
                        proposal,
                        "uk.gov.bristol.alp.placement.proposed.v1",
                        placement.toString(),
                        OffsetDateTime.now(),
                        Map.of("placementId", placement.toString())));
        TestEvents.publish(
                "alp.placements.v1",
                placement.toString(),
                TestEvents.envelope(
                        cancellation,
                        "uk.gov.bristol.alp.placement.cancelled.v1",
                        placement.toString(),
                        OffsetDateTime.now(),
                        Map.of("placementId", placement.toString(), "status", "CANCELLED")));

        Ports.await("the cancellation handled", Duration.ofSeconds(30), () -> inboxRows(cancellation) == 1);
        assertEquals(0, inboxRows(proposal), "nothing is written for a type the consumer does not act on");
        assertTrue(value("alp_events_handled_total", "consumer", CONSUMER, "outcome", "not_handled") >= passedOver + 1);
    }

    private int inboxRows(UUID eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from inbox_message where event_id = ?1")
                                .setParameter(1, eventId)
                                .getSingleResult())
                        .intValue());
    }

    @Test
    void outboxConsumerAndDomainMetricsAreExposed() {
        Ports.await(
                "the first sample",
                Duration.ofSeconds(30),
                () -> !Double.isNaN(scrape().value("alp_commitments_pending_approval")));
        PrometheusText metrics = scrape();
        for (String name : new String[] {
            "alp_outbox_backlog",
            "alp_outbox_oldest_age_seconds",
            "alp_outbox_parked",
            "alp_outbox_relay_failures_total",
            "alp_commitments_pending_approval_oldest_age_seconds",
            "alp_commitments_approval_overdue",
            "kafka_consumer_fetch_manager_records_lag_max",
            "agroal_active_count",
            "jvm_memory_used_bytes"
        }) {
            assertTrue(metrics.names().contains(name), name + " is scraped; found " + metrics.names());
        }
    }

    /** 0 for a counter not yet incremented (a series appears at its first increment). */
    private static double value(String name, String... labels) {
        double value = scrape().value(name, labels);
        return Double.isNaN(value) ? 0 : value;
    }
}
