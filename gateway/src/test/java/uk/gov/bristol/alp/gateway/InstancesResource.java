package uk.gov.bristol.alp.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestTokens;

/**
 * Several loopback instances per upstream, for the gateway's balancing and fail-over tests. Each instance answers
 * {@code GET /__seen} (directly, not through the gateway) with the request ids it has received.
 *
 * <ul>
 *   <li>registry: two healthy instances;
 *   <li>placement: one instance whose port is closed (refuses connections) and one healthy; the test may start an
 *       instance on the closed port later ({@code GET /__start-late} on the healthy one);
 *   <li>panel: one instance that looks ready but closes every API connection without an answer, and one healthy.
 * </ul>
 */
public class InstancesResource implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int a = Ports.free();
        int b = Ports.free();
        int late = Ports.free();
        int drop = Ports.free();
        int slow = Ports.free();
        listen(a, echo(a, late));
        listen(b, echo(b, late));
        listen(drop, dropping(drop));
        listen(slow, req -> vertx.setTimer(5000, t -> req.response().end("{}")));
        return Map.of(
                "alp.gateway.upstreams.registry", "http://127.0.0.1:" + a + ",http://127.0.0.1:" + b,
                "alp.gateway.upstreams.placement", "http://127.0.0.1:" + late + ",http://127.0.0.1:" + a,
                "alp.gateway.upstreams.panel", "http://127.0.0.1:" + drop + ",http://127.0.0.1:" + b,
                "alp.gateway.upstreams.finance", "http://127.0.0.1:" + slow,
                "alp.gateway.upstreams.notification", "http://127.0.0.1:" + b,
                "alp.gateway.upstream-timeout", "1s",
                "alp.gateway.probe-interval", "0.2s",
                "quarkus.oidc.public-key", TestTokens.publicKey());
    }

    /** Answers every request with its own port and what it received; remembers each request id. */
    private Handler<HttpServerRequest> echo(int port, int late) {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return req -> {
            if (req.path().equals("/__seen")) {
                req.response().end(new JsonArray(seen.stream().toList()).encode());
                return;
            }
            if (req.path().equals("/__start-late")) {
                server(late, echo(late, late))
                        .onComplete(started -> req.response()
                                .end(
                                        started.succeeded()
                                                ? "{}"
                                                : started.cause().toString()));
                return;
            }
            req.body().onSuccess(body -> {
                if (req.getHeader("X-Request-Id") != null) {
                    seen.add(req.getHeader("X-Request-Id"));
                }
                req.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("instance", port)
                                .put("method", req.method().name())
                                .put("body", body.toString())
                                .encode());
            });
        };
    }

    /** Ready to every probe; takes every API request in full and closes the connection without an answer. */
    private Handler<HttpServerRequest> dropping(int port) {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return req -> {
            if (req.path().equals("/__seen")) {
                req.response().end(new JsonArray(seen.stream().toList()).encode());
            } else if (req.path().startsWith("/q/health")) {
                req.response().end("{\"status\":\"UP\"}");
            } else {
                req.body().onSuccess(body -> {
                    seen.add(String.valueOf(req.getHeader("X-Request-Id")));
                    req.connection().close();
                });
            }
        };
    }

    private Future<HttpServer> server(int port, Handler<HttpServerRequest> handler) {
        return vertx.createHttpServer().requestHandler(handler).listen(port, "127.0.0.1");
    }

    private void listen(int port, Handler<HttpServerRequest> handler) {
        UpstreamsResource.listen(vertx, port, handler);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
