package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;

/**
 * The outbox promise: with the broker killed, placements are still created; when it returns, every
 * event arrives, none twice, in order per placement.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class KafkaOutageTest {
    private static final int PLACEMENTS = 5;

    @Test
    void placementsMadeWhileKafkaIsDownArePublishedExactlyOnceWhenItReturns() {
        UUID provider = approvedProvider("UNREGISTERED");
        List<String> pupils = new ArrayList<>();
        for (int i = 0; i < PLACEMENTS; i++) {
            pupils.add(pupil(schoolA(), "100001", "K"));
        }

        KafkaBroker broker = KafkaBroker.shared();
        broker.kill();
        Set<String> created = new HashSet<>();
        try {
            for (String pupil : pupils) {
                created.add(given().header("Authorization", schoolA())
                        .contentType(ContentType.JSON)
                        .body(placement(pupil, provider, seventeenAndAHalfHours()))
                        .post("/api/v1/placements")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
            }
            // The service stays ready (its own database answers): the events wait in the outbox, and say so.
            given().get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'messaging' }.data.broker", startsWith("unreachable"))
                    .body(
                            "checks.find { it.name == 'messaging' }.data.outboxWaiting",
                            greaterThanOrEqualTo(PLACEMENTS));
        } finally {
            broker.start();
        }

        Map<String, Long> delivered = new HashMap<>();
        Instant deadline = Instant.now().plusSeconds(90);
        while (delivered.size() < PLACEMENTS && Instant.now().isBefore(deadline)) {
            List<JsonNode> events = KafkaEvents.read(
                    broker.bootstrapServers(),
                    "alp.placements.v1",
                    e -> created.contains(e.path("subject").asText()),
                    Duration.ofSeconds(3));
            delivered = events.stream()
                    .collect(Collectors.groupingBy(e -> e.path("subject").asText(), Collectors.counting()));
        }
        // Settle: a duplicate would come from a retried send, which the relay makes right after success.
        List<JsonNode> all = KafkaEvents.read(
                broker.bootstrapServers(),
                "alp.placements.v1",
                e -> created.contains(e.path("subject").asText()),
                Duration.ofSeconds(3));
        assertEquals(
                created,
                all.stream().map(e -> e.path("subject").asText()).collect(Collectors.toSet()),
                "every placement's event arrived");
        assertEquals(PLACEMENTS, all.size(), "no event arrived twice");
        assertEquals(
                PLACEMENTS,
                all.stream().map(e -> e.path("id").asText()).distinct().count());
    }
}
