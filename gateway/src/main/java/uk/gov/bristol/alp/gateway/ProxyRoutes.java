package uk.gov.bristol.alp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The front door: /api/v1/** is authenticated (except the public directory feed) and proxied to the owning
 * service's instances with the caller's token and a request id (UpstreamProxy); /openapi/{service} serves each
 * service's OpenAPI document for the Swagger UI.
 */
@ApplicationScoped
public class ProxyRoutes {
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String ALL = "all";

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final MeterRegistry registry;
    private final Map<String, UpstreamProxy> proxies = new HashMap<>();

    public ProxyRoutes(GatewayConfig config, Upstreams upstreams, MeterRegistry registry) {
        this.config = config;
        this.upstreams = upstreams;
        this.registry = registry;
    }

    void install(@Observes Router router, Vertx vertx) {
        upstreams.pools().forEach((name, pool) -> proxies.put(name, new UpstreamProxy(vertx, pool, config, registry)));
        router.route().order(-1000).failureHandler(ProxyRoutes::authenticationFailure);
        router.route("/api/*").handler(this::api);
        router.get("/openapi/:service").handler(this::openApi);
    }

    private void api(RoutingContext rc) {
        RequestIds.of(rc);
        var route = RouteTable.match(rc.normalizedPath());
        if (route.isEmpty()) {
            Problems.send(rc, Problems.Kind.NOT_FOUND, "no API at " + rc.normalizedPath());
            return;
        }
        UpstreamProxy proxy = proxies.get(route.get().upstream());
        if (!route.get().open() && !authenticated(rc)) {
            Problems.send(rc, Problems.Kind.UNAUTHENTICATED, "send a bearer token from the ALP identity provider");
            return;
        }
        proxy.handle(rc.request());
    }

    /** Tokens are verified before routes run (proactive authentication); a bad one never gets here. */
    private static boolean authenticated(RoutingContext rc) {
        return rc.user() instanceof QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous();
    }

    /** A token that fails verification: answered here as a problem, not by Quarkus' empty 401. */
    private static void authenticationFailure(RoutingContext rc) {
        if (rc.failure() instanceof AuthenticationFailedException
                && !rc.response().headWritten()) {
            LOG.debugf("request %s: token refused: %s", RequestIds.of(rc), rc.failure());
            Problems.send(rc, Problems.Kind.UNAUTHENTICATED, "the bearer token is not valid");
        } else {
            rc.next();
        }
    }

    /** /openapi/{service} -> {service}/q/openapi as JSON, for the Swagger UI; /openapi/all: all of them as one. */
    private void openApi(RoutingContext rc) {
        if (ALL.equals(rc.pathParam("service"))) {
            merged(rc);
            return;
        }
        UpstreamProxy proxy = proxies.get(rc.pathParam("service"));
        if (proxy == null) {
            Problems.send(rc, Problems.Kind.NOT_FOUND, "no service named " + rc.pathParam("service"));
            return;
        }
        RequestIds.of(rc);
        rc.request().headers().remove("Authorization");
        proxy.handle(rc.request());
    }

    private void merged(RoutingContext rc) {
        RequestIds.of(rc);
        List<String> names = List.copyOf(upstreams.pools().keySet());
        Future.all(names.stream().map(upstreams::document).toList())
                .onSuccess(all -> {
                    Map<String, JsonNode> documents = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        documents.put(names.get(i), all.resultAt(i));
                    }
                    rc.response()
                            .putHeader("Content-Type", "application/json")
                            .end(OpenApiMerge.merge(
                                            documents,
                                            rc.request().scheme() + "://"
                                                    + rc.request().authority())
                                    .toString());
                })
                .onFailure(
                        e -> Problems.send(rc, Problems.Kind.BAD_GATEWAY, "a service's document: " + e.getMessage()));
    }
}
