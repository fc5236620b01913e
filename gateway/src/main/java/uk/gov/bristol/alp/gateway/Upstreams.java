package uk.gov.bristol.alp.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The upstream services by name, each a pool of instances ({@code alp.gateway.upstreams.<name>}: one base URL or
 * several, comma-separated), probed for readiness every {@code alp.gateway.probe-interval} from start-up.
 */
@ApplicationScoped
public class Upstreams {
    private final Map<String, UpstreamPool> pools = new LinkedHashMap<>();
    private final HttpClient probes;
    private final long probeTimeout;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        config.upstreams().forEach((name, bases) -> pools.put(name, new UpstreamPool(name, bases)));
        this.probes = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int)
                        config.connectTimeout().toMillis()));
        this.probeTimeout = config.connectTimeout().toMillis();
        pools.values()
                .forEach(pool ->
                        pool.probeEvery(vertx, probes, config.probeInterval().toMillis(), probeTimeout));
    }

    Map<String, UpstreamPool> pools() {
        return pools;
    }

    UpstreamPool pool(String name) {
        return pools.get(name);
    }

    /** Probes every instance of every upstream now. */
    Future<Void> probeAll() {
        return Future.join(pools.values().stream()
                        .map(pool -> pool.probe(probes, probeTimeout))
                        .toList())
                .mapEmpty();
    }
}
