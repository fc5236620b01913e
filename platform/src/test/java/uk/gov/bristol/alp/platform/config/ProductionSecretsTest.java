package uk.gov.bristol.alp.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {
    private static final String ISSUER = "https://auth.alp.example.gov.uk/realms/alp";

    /** The given settings over a production issuer (each test below is about one rule). */
    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 200))
                .withSources(new PropertiesConfigSource(Map.of("quarkus.oidc.auth-server-url", ISSUER), "issuer", 100))
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

    @Test
    void tokensAreCheckedAgainstAnIssuerOverHttpsUnlessOneHostSaysOtherwise() {
        String rule =
                "an https:// ALP_OIDC_URL (quarkus.oidc.auth-server-url), or ALP_OIDC_ALLOW_HTTP=true on one host";
        String local = "http://127.0.0.1:8180/realms/alp";
        assertEquals(List.of(rule), ProductionSecrets.missing(config(Map.of("quarkus.oidc.auth-server-url", local))));
        assertEquals(
                List.of(),
                ProductionSecrets.missing(
                        config(Map.of("quarkus.oidc.auth-server-url", local, "alp.oidc.allow-http", "true"))));
        assertEquals(List.of(), ProductionSecrets.missing(config(Map.of())));
    }
}
