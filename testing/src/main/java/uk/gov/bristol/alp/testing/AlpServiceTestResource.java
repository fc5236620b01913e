package uk.gov.bristol.alp.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a service under {@code @QuarkusTest} a REAL PostgreSQL database of its own and a REAL Kafka
 * broker with the four topics, both on loopback and shared by every test class of the module's JVM,
 * and makes it trust {@link TestTokens}. Argument {@code database}: the service's database name; {@code kafka=sasl}
 * connects every Kafka client of the service to the broker's SASL/SCRAM listener instead (KafkaSaslTest).
 */
public class AlpServiceTestResource implements QuarkusTestResourceLifecycleManager {
    public static final List<String> TOPICS =
            List.of("alp.providers.v1", "alp.panel.v1", "alp.placements.v1", "alp.finance.v1");

    private String database = "alp";
    private boolean sasl;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        sasl = "sasl".equals(initArgs.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        int pgPort = PostgresServer.shared();
        KafkaBroker kafka = KafkaBroker.shared(TOPICS);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", PostgresServer.database(pgPort, database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.oidc.public-key", TestTokens.publicKey()));
        if (sasl) {
            config.put("kafka.bootstrap.servers", kafka.saslBootstrapServers());
            config.put("kafka.security.protocol", "SASL_PLAINTEXT");
            config.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
            config.put(
                    "kafka.sasl.jaas.config",
                    KafkaBroker.scramJaas(KafkaBroker.SCRAM_USER, KafkaBroker.SCRAM_PASSWORD));
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; stopped by shutdown hooks when the JVM ends.
    }
}
