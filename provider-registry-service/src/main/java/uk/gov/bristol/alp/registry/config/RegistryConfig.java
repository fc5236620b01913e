package uk.gov.bristol.alp.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The registry's own settings ({@code alp.registry.*}). */
@ConfigMapping(prefix = "alp.registry")
public interface RegistryConfig {
    /** The authority this deployment acts for when a registry officer's token names none. */
    @WithDefault("bristol")
    String homeAuthority();

    /** How often lapsed evidence is looked for (read by its schedule, {@code ComplianceSweep}). */
    @WithDefault("1h")
    Duration complianceSweepEvery();

    /** How many days before an approved provider's evidence expires the provider and the registry are reminded. */
    @WithDefault("30")
    int expiryReminderDays();

    /**
     * Where the public sees ALP (the gateway's address): the directory links a provider without a website of its own
     * to {@code {publicUrl}/providers/{id}} and names {@code {publicUrl}/openapi/registry} as its API document.
     */
    @WithDefault("https://alp.bristol.gov.uk")
    String publicUrl();
}
