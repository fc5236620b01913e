package uk.gov.bristol.alp.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {
    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .build();
    }

    @Test
    void aServiceWithADatabaseNeedsItsLoginNamedByTheVariablesThatSetIt() {
        assertEquals(
                List.of("ALP_DB_USER (quarkus.datasource.username)", "ALP_DB_PASSWORD (quarkus.datasource.password)"),
                ProductionSecrets.missing(config(Map.of("quarkus.datasource.db-kind", "postgresql"))));
        assertEquals(
                List.of("ALP_DB_PASSWORD (quarkus.datasource.password)"),
                ProductionSecrets.missing(config(Map.of(
                        "quarkus.datasource.db-kind", "postgresql",
                        "quarkus.datasource.username", "alp_placement",
                        "quarkus.datasource.password", " "))));
        assertEquals(
                List.of(),
                ProductionSecrets.missing(config(Map.of(
                        "quarkus.datasource.db-kind", "postgresql",
                        "quarkus.datasource.username", "alp_placement",
                        "quarkus.datasource.password", "s3cret"))));
    }

    @Test
    void saslNeedsItsCredentialsPlaintextDoesNot() {
        assertEquals(
                List.of("ALP_KAFKA_SASL_JAAS_CONFIG (kafka.sasl.jaas.config)"),
                ProductionSecrets.missing(config(Map.of("kafka.security.protocol", "SASL_SSL"))));
        assertEquals(List.of(), ProductionSecrets.missing(config(Map.of("kafka.security.protocol", "PLAINTEXT"))));
    }
}
