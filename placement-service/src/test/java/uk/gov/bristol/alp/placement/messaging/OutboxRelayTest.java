package uk.gov.bristol.alp.placement.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.placement.support.RefusingRelayProducers;
import uk.gov.bristol.alp.platform.outbox.Outbox;
import uk.gov.bristol.alp.platform.outbox.OutboxMessage;
import uk.gov.bristol.alp.platform.outbox.OutboxRelay;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.Ports;

/**
 * The outbox relay against the real broker, with a producer that refuses chosen records (RefusingRelayProducers):
 * an aggregate's events reach consumers in order and once each, and a record refused too often is parked without
 * holding back other aggregates.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class OutboxRelayTest {
    private static final String TOPIC = "alp.placements.v1";
    private static final String TYPE = "uk.gov.bristol.alp.test.relay-step.v1";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Test
    void anEventTheBrokerRefusesOnceStillReachesConsumersInOrderAndNothingIsSentTwice() {
        String aggregate = "relay-order-" + UUID.randomUUID();
        RefusingRelayProducers.refuse(aggregate + ":step-2", 1);
        publish(aggregate, 1, 2, 3, 4);

        List<Integer> steps = stepsOnceThere(aggregate, 4);
        List<Integer> settled = stepsSent(aggregate, Duration.ofSeconds(3));
        assertEquals(List.of(1, 2, 3, 4), steps, "in order");
        assertEquals(List.of(1, 2, 3, 4), settled, "and each once");
        OutboxMessage refused = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>find("aggregateId = ?1 and attempts > 0", aggregate)
                        .singleResult());
        assertEquals(1, refused.attempts, "the refusal was counted against that event");
    }

    @Test
    void anEventRefusedEveryTimeIsParkedWithItsAggregatesLaterEventsAndOthersGoOn() {
        String stuck = "relay-parked-" + UUID.randomUUID();
        String other = "relay-other-" + UUID.randomUUID();
        RefusingRelayProducers.refuse(stuck + ":step-2", 1_000);
        publish(stuck, 1, 2, 3);

        Ports.await(
                "event parked after alp.outbox.max-attempts refusals",
                Duration.ofSeconds(60),
                () -> QuarkusTransaction.requiringNew()
                                .call(() -> OutboxMessage.count("aggregateId = ?1 and parkedAt is not null", stuck))
                        == 1);
        publish(other, 1);
        KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                TOPIC,
                KafkaEvents.ofType(TYPE, other),
                Duration.ofSeconds(20));
        List<Integer> sent = stepsSent(stuck, Duration.ofSeconds(3));
        assertEquals(List.of(1), sent, "step 3 waits behind the parked step 2; nothing overtakes it");
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'messaging' }.data.outboxParked", greaterThanOrEqualTo(1));
    }

    /** Several instances of a service share one database: their relays must never send a record twice. */
    @Test
    void relaysRunningAtOnceSendEachEventOnceAndInOrder() throws Exception {
        List<String> aggregates = List.of(
                "relay-race-a-" + UUID.randomUUID(),
                "relay-race-b-" + UUID.randomUUID(),
                "relay-race-c-" + UUID.randomUUID());
        int[] steps = IntStream.rangeClosed(1, 30).toArray();
        aggregates.forEach(a -> publish(a, steps));
        ExecutorService relays = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(relays.submit(() -> {
                for (int round = 0; round < 40; round++) {
                    relay.relayBatch();
                }
            }));
        }
        for (Future<?> r : running) {
            r.get(60, TimeUnit.SECONDS);
        }
        relays.shutdown();
        for (String aggregate : aggregates) {
            List<Integer> sent = stepsOnceThere(aggregate, steps.length);
            List<Integer> settled = stepsSent(aggregate, Duration.ofSeconds(2));
            assertEquals(Arrays.stream(steps).boxed().toList(), sent, "in order");
            assertEquals(sent, settled, "and each once");
        }
    }

    /** The steps of an aggregate's events on the topic, once there are {@code count} of them. */
    private static List<Integer> stepsOnceThere(String aggregate, int count) {
        return KafkaEvents.awaitCount(
                        KafkaBroker.shared().bootstrapServers(),
                        TOPIC,
                        KafkaEvents.ofType(TYPE, aggregate),
                        count,
                        Duration.ofSeconds(30))
                .stream()
                .map(e -> e.path("data").path("step").asInt())
                .toList();
    }

    /** The steps of every event of an aggregate on the topic, read for {@code within}. */
    private static List<Integer> stepsSent(String aggregate, Duration within) {
        return KafkaEvents.read(
                        KafkaBroker.shared().bootstrapServers(), TOPIC, KafkaEvents.ofType(TYPE, aggregate), within)
                .stream()
                .map(e -> e.path("data").path("step").asInt())
                .toList();
    }

    private void publish(String aggregate, int... steps) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int step : steps) {
                outbox.publish(TOPIC, TYPE, aggregate, Map.of("step", step, "marker", aggregate + ":step-" + step));
            }
        });
    }
}
