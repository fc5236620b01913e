package uk.gov.bristol.alp.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "alp.gateway")
public interface GatewayConfig {
    /** Base URLs of each upstream service's instances by name (registry, panel, placement, finance). */
    Map<String, List<URI>> upstreams();

    Duration connectTimeout();

    /** How long an upstream may take to start answering before the gateway gives 504. */
    Duration upstreamTimeout();

    int maxConnectionsPerUpstream();

    /** How often every instance's readiness is probed (an instance out of service comes back on success). */
    @WithDefault("2s")
    Duration probeInterval();

    /** Cross-origin access for browser applications. */
    CorsConfig cors();

    interface CorsConfig {
        /** Origins (scheme://host[:port]) allowed to call the API from a browser; none by default. */
        Optional<List<String>> origins();
    }
}
