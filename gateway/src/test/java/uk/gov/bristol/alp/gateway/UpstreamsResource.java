package uk.gov.bristol.alp.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestTokens;

/**
 * Loopback upstreams for the gateway's own tests: an echo server (answers with what it received), a
 * server that never answers in time, and a port with nothing listening. Real services are exercised
 * through the gateway by the end-to-end suite.
 */
public class UpstreamsResource implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int echo = Ports.free();
        int slow = Ports.free();
        int closed = Ports.free();
        listen(
                vertx,
                echo,
                req -> req.body().onSuccess(body -> {
                    if (req.path().endsWith("/forbidden")) {
                        req.response()
                                .setStatusCode(403)
                                .putHeader("Content-Type", "application/problem+json")
                                .end(new JsonObject().put("status", 403).encode());
                        return;
                    }
                    if (req.path().endsWith("/framed")) {
                        // An upstream that sets a weaker security header than the gateway's own, and answers with the
                        // request id as the services do.
                        req.response()
                                .putHeader("X-Frame-Options", "SAMEORIGIN")
                                .putHeader("X-Request-Id", req.getHeader("X-Request-Id"));
                    }
                    JsonObject headers = new JsonObject();
                    req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                    req.response()
                            .putHeader("Content-Type", "application/json")
                            .end(new JsonObject()
                                    .put("method", req.method().name())
                                    .put("uri", req.uri())
                                    .put("headers", headers)
                                    .put("body", body.toString())
                                    .encode());
                }));
        listen(vertx, slow, req -> vertx.setTimer(5000, t -> req.response().end("{}")));
        return Map.of(
                "alp.gateway.upstreams.registry", "http://127.0.0.1:" + echo,
                "alp.gateway.upstreams.placement", "http://127.0.0.1:" + echo,
                "alp.gateway.upstreams.panel", "http://127.0.0.1:" + closed,
                "alp.gateway.upstreams.finance", "http://127.0.0.1:" + slow,
                "alp.gateway.upstreams.notification", "http://127.0.0.1:" + echo,
                "alp.gateway.upstream-timeout", "1s",
                "alp.gateway.cors.origins", "https://app.example.org",
                "quarkus.oidc.public-key", TestTokens.publicKey());
    }

    /** Starts a loopback test upstream and waits until it listens. */
    static void listen(Vertx vertx, int port, Handler<HttpServerRequest> handler) {
        try {
            vertx.createHttpServer()
                    .requestHandler(handler)
                    .listen(port, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test upstream did not start", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
