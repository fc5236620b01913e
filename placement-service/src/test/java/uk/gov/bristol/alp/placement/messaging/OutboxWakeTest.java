package uk.gov.bristol.alp.placement.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.outbox.Outbox;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;

/**
 * A committed transaction's events are sent by the commit itself, not by the relay's poll: here the poll runs once an
 * hour, so only the wake on commit can bring the events to the broker within the test. A rolled-back transaction's
 * event never goes.
 */
@QuarkusTest
@TestProfile(OutboxWakeTest.HourlyPoll.class)
class OutboxWakeTest {
    /** The module's resources, with the relay's poll an hour apart. */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alp.outbox.interval", "1h");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AlpServiceTestResource.class, Map.of("database", "alp_placement")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final String TOPIC = "alp.placements.v1";
    private static final String TYPE = "uk.gov.bristol.alp.test.wake.v1";

    @Inject
    Outbox outbox;

    @Test
    void aCommitSendsItsEventsWithoutWaitingForThePollAndARollbackSendsNothing() {
        String rolledBack = "wake-rolled-back-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(TOPIC, TYPE, rolledBack, Map.of("step", 1));
                throw new IllegalStateException("the change fails after its event was recorded");
            });
        } catch (IllegalStateException expected) {
            // rolled back, as intended
        }
        String committed = "wake-committed-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(TOPIC, TYPE, committed, Map.of("step", 1));
            outbox.publish(TOPIC, TYPE, committed, Map.of("step", 2));
        });

        List<Integer> steps = KafkaEvents.awaitCount(
                        KafkaBroker.shared().bootstrapServers(),
                        TOPIC,
                        KafkaEvents.ofType(TYPE, committed),
                        2,
                        Duration.ofSeconds(30))
                .stream()
                .map(e -> e.path("data").path("step").asInt())
                .toList();
        assertEquals(List.of(1, 2), steps, "both events of the committed transaction, in order, without a poll");
        assertEquals(
                List.of(),
                KafkaEvents.read(
                        KafkaBroker.shared().bootstrapServers(),
                        TOPIC,
                        KafkaEvents.ofType(TYPE, rolledBack),
                        Duration.ofSeconds(2)),
                "the rolled-back transaction's event was never sent");
    }
}
