package uk.gov.bristol.alp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The upstream services by name, each a pool of instances ({@code alp.gateway.upstreams.<name>}: one base URL or
 * several, comma-separated), probed for readiness every {@code alp.gateway.probe-interval} from start-up.
 */
@ApplicationScoped
public class Upstreams {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DOCUMENT_TIMEOUT_MILLIS = 10_000;

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

    /** An upstream's OpenAPI document (JSON) from one of its instances in service. */
    Future<JsonNode> document(String name) {
        UpstreamPool.Instance instance = pools.get(name).choose(null);
        return probes.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setServer(instance.address)
                        .setHost(instance.address.host())
                        .setPort(instance.address.port())
                        .setURI("/q/openapi?format=json")
                        .setIdleTimeout(DOCUMENT_TIMEOUT_MILLIS)
                        .putHeader("Accept", "application/json"))
                .compose(HttpClientRequest::send)
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture(name + " answered " + response.statusCode() + " for its document"))
                .map(body -> {
                    try {
                        return JSON.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(name + "'s document is not JSON", e);
                    }
                });
    }

    /** Probes every instance of every upstream now. */
    Future<Void> probeAll() {
        return Future.join(pools.values().stream()
                        .map(pool -> pool.probe(probes, probeTimeout))
                        .toList())
                .mapEmpty();
    }
}
