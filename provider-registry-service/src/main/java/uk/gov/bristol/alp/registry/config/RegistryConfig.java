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

    /**
     * How many search pages are kept between requests (ProviderSearchPages), each until the providers' data changes;
     * 0 keeps none.
     */
    @WithDefault("256")
    int searchCache();

    /** Partner push (docs/domain-rules.md, "Partner push"). */
    Webhooks webhooks();

    interface Webhooks {
        /** How often changes are turned into deliveries and due deliveries sent (read by its schedule). */
        @WithDefault("5s")
        Duration dispatchEvery();

        /** Deliveries sent at once in one round; changes read from the feed per subscription and round. */
        @WithDefault("50")
        int batchSize();

        /** How long a partner's endpoint has to answer one request. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** The wait after the first failed try, doubling with each try. */
        @WithDefault("30s")
        Duration retryBase();

        /** The longest wait between tries. */
        @WithDefault("1h")
        Duration retryMax();

        /** How long from its first try a delivery is retried before it is given up (FAILED). */
        @WithDefault("24h")
        Duration retryFor();

        /** A delivery left SENDING this long (the sender stopped mid-request) is tried again. */
        @WithDefault("2m")
        Duration sendingTimeout();

        /** How long the secret a rotation replaces goes on signing beside the new one. */
        @WithDefault("24h")
        Duration secretOverlap();

        /** How long finished deliveries stay in the delivery log. */
        @WithDefault("30d")
        Duration keepLog();

        /**
         * Whether a callback on this machine ({@code http://127.0.0.1}, {@code localhost}) may be plain HTTP: for
         * development and tests only. Any other callback must be HTTPS.
         */
        @WithDefault("false")
        boolean allowLoopbackHttp();
    }
}
