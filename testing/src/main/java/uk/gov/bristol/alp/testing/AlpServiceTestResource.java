package uk.gov.bristol.alp.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * Gives a service under {@code @QuarkusTest} a REAL PostgreSQL database of its own and a REAL Kafka
 * broker with the four topics, both on loopback and shared by every test class of the module's JVM,
 * and makes it trust {@link TestTokens}. Argument {@code database}: the service's database name.
 */
public class AlpServiceTestResource implements QuarkusTestResourceLifecycleManager {
    public static final List<String> TOPICS =
            List.of("alp.providers.v1", "alp.panel.v1", "alp.placements.v1", "alp.finance.v1");

    private String database = "alp";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        int pgPort = PostgresServer.shared();
        KafkaBroker kafka = KafkaBroker.shared(TOPICS);
        return Map.of(
                "quarkus.datasource.jdbc.url", PostgresServer.database(pgPort, database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.oidc.public-key", TestTokens.publicKey());
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; stopped by shutdown hooks when the JVM ends.
    }
}
