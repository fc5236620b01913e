package uk.gov.bristol.alp.placement.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.platform.outbox.Outbox;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestEvents;

/**
 * The service with every Kafka client on the broker's SASL/SCRAM listener (configured only through kafka.*, as
 * docs/operations.md says): the consumers read, the outbox relay publishes and the readiness check reaches the
 * broker, all authenticated; a wrong password gets nowhere on that listener.
 */
@QuarkusTest
@TestProfile(KafkaSaslTest.OverSasl.class)
class KafkaSaslTest {
    /** The service's test resources with Kafka on the SASL listener, and none of the module's global ones. */
    public static class OverSasl implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    AlpServiceTestResource.class, Map.of("database", "alp_placement", "kafka", "sasl")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final String TYPE = "uk.gov.bristol.alp.test.sasl.v1";

    @Inject
    Outbox outbox;

    @Test
    void consumersTheRelayAndTheHealthCheckAllAuthenticateWithScram() {
        UUID provider = UUID.randomUUID();
        TestEvents.publish(
                "alp.providers.v1",
                provider.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.provider.approved.v1",
                        provider.toString(),
                        OffsetDateTime.now(),
                        Map.of(
                                "providerId", provider.toString(),
                                "name", "SASL provider",
                                "registrationStatus", "UNREGISTERED",
                                "leadAuthority", "bristol",
                                "frameworkStatus", "APPROVED",
                                "compliant", true)));
        Ports.await(
                "the provider event consumed over SASL",
                Duration.ofSeconds(60),
                () -> QuarkusTransaction.requiringNew().call(() -> ProviderView.findById(provider) != null));

        String aggregate = "sasl-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish("alp.placements.v1", TYPE, aggregate, Map.of("over", "SASL")));
        KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.placements.v1",
                KafkaEvents.ofType(TYPE, aggregate),
                Duration.ofSeconds(30));

        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'messaging' }.data.broker", equalTo("reachable"));
    }

    @Test
    void aWrongPasswordGetsNowhereOnTheSaslListener() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().saslBootstrapServers(),
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "SCRAM-SHA-512",
                "sasl.jaas.config",
                KafkaBroker.scramJaas(KafkaBroker.SCRAM_USER, "wrong"),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000))) {
            assertThrows(
                    ExecutionException.class,
                    () -> admin.listTopics().names().get(10, TimeUnit.SECONDS),
                    "authentication must fail");
        }
    }
}
