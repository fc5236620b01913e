package uk.gov.bristol.alp.gateway;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "alp.gateway")
public interface GatewayConfig {
    /** Base URL of each upstream service by name: registry, panel, placement, finance. */
    Map<String, URI> upstreams();

    Duration connectTimeout();

    /** How long an upstream may take to start answering before the gateway gives 504. */
    Duration upstreamTimeout();

    int maxConnectionsPerUpstream();
}
