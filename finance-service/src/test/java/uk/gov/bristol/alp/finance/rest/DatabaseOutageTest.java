package uk.gov.bristol.alp.finance.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.support.PlacementEventData;
import uk.gov.bristol.alp.platform.inbox.ParkedEvent;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.PostgresServer;
import uk.gov.bristol.alp.testing.TestEvents;

/**
 * Finance's database stops for 20 s while 50 placements are confirmed: the consumer waits for it (a passing
 * failure is retried for minutes, platform inbox/EventHandler), then commits every one, and parks none.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_finance"))
class DatabaseOutageTest {
    private static final int CONFIRMATIONS = 50;

    @Test
    void confirmationsThatArriveWhileTheDatabaseIsDownAreAllCommittedOnceItReturns() throws Exception {
        List<UUID> placements = new ArrayList<>();
        PostgresServer.stopKeepingData();
        try {
            for (int i = 0; i < CONFIRMATIONS; i++) {
                UUID placement = UUID.randomUUID();
                placements.add(placement);
                TestEvents.publish("alp.placements.v1", placement.toString(), confirmed(placement));
            }
            Thread.sleep(20_000);
        } finally {
            PostgresServer.resume();
        }
        Ports.await(
                CONFIRMATIONS + " commitments after the outage",
                Duration.ofSeconds(120),
                () -> QuarkusTransaction.requiringNew().call(() -> Commitment.count("placementId in ?1", placements))
                        == CONFIRMATIONS);
        assertEquals(
                0L,
                (long) QuarkusTransaction.requiringNew()
                        .call(() -> ParkedEvent.count(
                                "subject in ?1",
                                placements.stream().map(UUID::toString).toList())),
                "nothing parked");
        assertEquals(
                (long) CONFIRMATIONS,
                (long) QuarkusTransaction.requiringNew().call(() -> Commitment.count("placementId in ?1", placements)),
                "each once");
    }

    private static String confirmed(UUID placement) {
        Map<String, Object> data = PlacementEventData.confirmedSchoolPlacement(
                placement, UUID.randomUUID(), "2026-01-05", "2026-03-29", "17.50");
        data.put("hourlyRate", "40.00");
        return TestEvents.envelope(
                UUID.randomUUID(),
                "uk.gov.bristol.alp.placement.confirmed.v1",
                placement.toString(),
                OffsetDateTime.now(),
                data);
    }
}
