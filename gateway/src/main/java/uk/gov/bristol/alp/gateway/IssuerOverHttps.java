package uk.gov.bristol.alp.gateway;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway run for real checks tokens against an issuer reached over HTTPS, the rule every service keeps too
 * (platform config/ProductionSecrets; the gateway does not carry the platform). Plain HTTP only where
 * {@code ALP_OIDC_ALLOW_HTTP=true} says the whole system runs on one host.
 */
@ApplicationScoped
public class IssuerOverHttps {
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> issuer;

    @ConfigProperty(name = "alp.oidc.allow-http", defaultValue = "false")
    boolean httpAllowed;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && !issuer.orElse("").startsWith("https://") && !httpAllowed) {
            throw new IllegalStateException("refusing to start without an https:// ALP_OIDC_URL "
                    + "(quarkus.oidc.auth-server-url), or ALP_OIDC_ALLOW_HTTP=true on one host");
        }
    }
}
