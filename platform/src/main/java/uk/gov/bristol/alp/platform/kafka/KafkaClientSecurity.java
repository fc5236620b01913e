package uk.gov.bristol.alp.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * How every Kafka client of a service reaches the broker: TLS and SASL/SCRAM settings from the {@code kafka.*}
 * configuration (set by {@code ALP_KAFKA_SECURITY_PROTOCOL} and friends, docs/operations.md). SmallRye's consumers
 * and dead-letter producers read {@code kafka.*} themselves; the outbox relay and the readiness check, which
 * build their own clients, take the same settings from here, so no client is left in plaintext.
 */
@ApplicationScoped
public class KafkaClientSecurity {
    /** The client settings that carry security; each is passed on when set. */
    static final List<String> KEYS = List.of(
            "security.protocol",
            "sasl.mechanism",
            "sasl.jaas.config",
            "ssl.truststore.location",
            "ssl.truststore.type",
            "ssl.truststore.password",
            "ssl.endpoint.identification.algorithm");

    private final Map<String, Object> settings;

    public KafkaClientSecurity(Config config) {
        this.settings = settingsFrom(config);
    }

    static Map<String, Object> settingsFrom(Config config) {
        Map<String, Object> found = new LinkedHashMap<>();
        for (String key : KEYS) {
            config.getOptionalValue("kafka." + key, String.class)
                    .filter(value -> !value.isBlank())
                    .ifPresent(value -> found.put(key, value));
        }
        return Map.copyOf(found);
    }

    /** The settings to add to a client's properties. */
    public Map<String, Object> settings() {
        return settings;
    }

    public String protocol() {
        return (String) settings.getOrDefault("security.protocol", "PLAINTEXT");
    }
}
