package uk.gov.bristol.alp.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The instances of one upstream service. Requests go round robin over the instances in service; an instance leaves
 * when a connection to it fails or its readiness probe ({@code /q/health/ready}, every
 * {@code alp.gateway.probe-interval}) fails, and comes back when its probe succeeds. When none is in service, every
 * instance is tried, so a stale probe never stops traffic on its own.
 */
final class UpstreamPool {
    private static final Logger LOG = Logger.getLogger(UpstreamPool.class);

    /** One instance: where it is, and whether it is in service. */
    static final class Instance {
        final SocketAddress address;
        final String label;
        private volatile boolean inService = true;

        Instance(URI base) {
            this.address = SocketAddress.inetSocketAddress(base.getPort(), base.getHost());
            this.label = base.getHost() + ":" + base.getPort();
        }

        boolean inService() {
            return inService;
        }
    }

    private final String name;
    private final List<Instance> instances;
    private final AtomicInteger next = new AtomicInteger();

    UpstreamPool(String name, List<URI> bases) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("upstream " + name + " has no instance");
        }
        this.name = name;
        this.instances = bases.stream().map(Instance::new).toList();
    }

    String name() {
        return name;
    }

    List<Instance> instances() {
        return instances;
    }

    boolean anyInService() {
        return instances.stream().anyMatch(Instance::inService);
    }

    /** The next instance in service other than {@code not} (null for none); all of them if none is in service. */
    Instance choose(Instance not) {
        List<Instance> candidates =
                instances.stream().filter(i -> i != not && i.inService).toList();
        if (candidates.isEmpty()) {
            candidates = instances.stream().filter(i -> i != not).toList();
        }
        if (candidates.isEmpty()) {
            return null;
        }
        return candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
    }

    /** A connection to it failed: out of service until its probe succeeds. */
    void failed(Instance instance, Throwable why) {
        if (instance.inService) {
            instance.inService = false;
            LOG.warnf("upstream %s: instance %s out of service: %s", name, instance.label, why.toString());
        }
    }

    /** Probes every instance's readiness now; each answer puts it in or out of service. */
    Future<Void> probe(HttpClient client, long timeoutMillis) {
        List<Future<Boolean>> probes = instances.stream()
                .map(i -> client.request(new RequestOptions()
                                .setMethod(HttpMethod.GET)
                                .setServer(i.address)
                                .setHost(i.address.host())
                                .setPort(i.address.port())
                                .setURI("/q/health/ready")
                                .setIdleTimeout(timeoutMillis)
                                // A request without headers fails in the OpenTelemetry extension's Vert.x tracer
                                // (a null header map while injecting traceparent).
                                .putHeader("Accept", "application/json"))
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> response.statusCode() == 200))
                        .otherwise(false)
                        .onSuccess(ready -> mark(i, ready)))
                .toList();
        return Future.join(probes).mapEmpty();
    }

    private void mark(Instance instance, boolean ready) {
        if (ready != instance.inService) {
            LOG.infof("upstream %s: instance %s %s", name, instance.label, ready ? "back in service" : "not ready");
        }
        instance.inService = ready;
    }

    /** Probes on a timer for the life of the gateway. */
    void probeEvery(Vertx vertx, HttpClient client, long intervalMillis, long timeoutMillis) {
        vertx.setPeriodic(1, intervalMillis, id -> probe(client, timeoutMillis));
    }
}
