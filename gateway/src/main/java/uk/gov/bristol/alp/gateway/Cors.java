package uk.gov.bristol.alp.gateway;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * CORS at the front door, so a browser application on another origin can call the API: the origins in
 * {@code alp.gateway.cors.origins} (none by default) for every route, any origin ({@code *}) for the public directory
 * feed. A preflight from an allowed origin is answered here (204) before any token is needed; one from another origin
 * gets 403 and no CORS headers. No cookies are used, so credentials are never allowed.
 */
@ApplicationScoped
public class Cors {
    static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String REQUEST_HEADERS =
            "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, X-Request-Id, traceparent, tracestate";
    static final String EXPOSED_HEADERS = "ETag, Location, Link, Retry-After, X-Request-Id";

    private final Set<String> origins;

    public Cors(GatewayConfig config) {
        this.origins = Set.copyOf(config.cors().origins().orElse(List.of()));
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-500).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        String origin = rc.request().getHeader("Origin");
        if (origin == null) {
            rc.next();
            return;
        }
        boolean open = RouteTable.match(rc.normalizedPath())
                .map(RouteTable.Route::open)
                .orElse(false);
        String allowed = open ? "*" : origins.contains(origin) ? origin : null;
        boolean preflight = rc.request().method() == HttpMethod.OPTIONS
                && rc.request().getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            HttpServerResponse response = rc.response();
            if (allowed == null) {
                response.setStatusCode(403).end();
                return;
            }
            allow(response, allowed);
            response.putHeader("Access-Control-Allow-Methods", METHODS)
                    .putHeader("Access-Control-Allow-Headers", REQUEST_HEADERS)
                    .putHeader("Access-Control-Max-Age", "600")
                    .setStatusCode(204)
                    .end();
            return;
        }
        if (allowed != null) {
            rc.addHeadersEndHandler(
                    v -> allow(rc.response(), allowed).putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS));
        }
        rc.next();
    }

    private static HttpServerResponse allow(HttpServerResponse response, String origin) {
        response.putHeader("Access-Control-Allow-Origin", origin);
        if (!origin.equals("*")) {
            response.putHeader("Vary", "Origin");
        }
        return response;
    }
}
