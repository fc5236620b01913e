package uk.gov.bristol.alp.platform.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * A service run for real (the prod profile) refuses to start without the secrets a deployment must give: there
 * is no default database login, SASL needs its credentials, and tokens are checked against an issuer reached over
 * HTTPS (plain HTTP only where {@code ALP_OIDC_ALLOW_HTTP=true} says the whole system runs on one host). Fails
 * closed with the names of the missing settings, never their values (docs/operations.md).
 */
@ApplicationScoped
public class ProductionSecrets {
    private static final Logger LOG = Logger.getLogger(ProductionSecrets.class);

    void onStart(@Observes StartupEvent event, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("refusing to start without: " + String.join("; ", missing));
        }
        if ("PLAINTEXT".equals(kafkaProtocol(config))) {
            LOG.warn("Kafka is PLAINTEXT without authentication: set ALP_KAFKA_SECURITY_PROTOCOL=SASL_SSL outside "
                    + "a single host");
        }
    }

    /** The settings a production start needs and does not have, by the environment variable that sets each. */
    static List<String> missing(Config config) {
        List<String> missing = new ArrayList<>();
        if (config.getOptionalValue("quarkus.datasource.db-kind", String.class).isPresent()) {
            require(config, "quarkus.datasource.username", "ALP_DB_USER", missing);
            require(config, "quarkus.datasource.password", "ALP_DB_PASSWORD", missing);
        }
        if (kafkaProtocol(config).startsWith("SASL")) {
            require(config, "kafka.sasl.jaas.config", "ALP_KAFKA_SASL_JAAS_CONFIG", missing);
        }
        String issuer = config.getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse("");
        boolean httpAllowed =
                config.getOptionalValue("alp.oidc.allow-http", Boolean.class).orElse(false);
        if (!issuer.startsWith("https://") && !httpAllowed) {
            missing.add(
                    "an https:// ALP_OIDC_URL (quarkus.oidc.auth-server-url), or ALP_OIDC_ALLOW_HTTP=true on one host");
        }
        return missing;
    }

    private static String kafkaProtocol(Config config) {
        return config.getOptionalValue("kafka.security.protocol", String.class).orElse("PLAINTEXT");
    }

    private static void require(Config config, String property, String variable, List<String> missing) {
        Optional<String> value = config.getOptionalValue(property, String.class).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            missing.add(variable + " (" + property + ")");
        }
    }
}
