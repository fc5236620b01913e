package uk.gov.bristol.alp.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The front door: /api/v1/** is authenticated (except the public directory feed) and proxied to the
 * owning service with the caller's token and a request id; /openapi/{service} serves each service's
 * OpenAPI document for the Swagger UI. One pooled keep-alive client per upstream.
 */
@ApplicationScoped
public class ProxyRoutes {
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final GatewayConfig config;
    private final MeterRegistry registry;
    private final Map<String, HttpProxy> proxies = new HashMap<>();

    public ProxyRoutes(GatewayConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    void install(@Observes Router router, Vertx vertx) {
        config.upstreams().forEach((name, url) -> proxies.put(name, proxy(vertx, name, url)));
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
        HttpProxy proxy = proxies.get(route.get().upstream());
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

    /** /openapi/{service} -> {service}/q/openapi as JSON, for the Swagger UI. */
    private void openApi(RoutingContext rc) {
        HttpProxy proxy = proxies.get(rc.pathParam("service"));
        if (proxy == null) {
            Problems.send(rc, Problems.Kind.NOT_FOUND, "no service named " + rc.pathParam("service"));
            return;
        }
        RequestIds.of(rc);
        rc.request().headers().remove("Authorization");
        proxy.handle(rc.request());
    }

    private HttpProxy proxy(Vertx vertx, String upstream, URI base) {
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int)
                        config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
        SocketAddress origin = SocketAddress.inetSocketAddress(base.getPort(), base.getHost());
        long timeout = config.upstreamTimeout().toMillis();
        HttpProxy proxy = HttpProxy.reverseProxy(client)
                .origin(ctx -> ctx.client()
                        .request(new RequestOptions().setServer(origin).setIdleTimeout(timeout)));
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
                if (ctx.request().getURI().startsWith("/openapi/")) {
                    ctx.request().setURI("/q/openapi?format=json");
                }
                Timer.Sample sample = Timer.start(registry);
                return ctx.sendRequest()
                        .onSuccess(response -> timed(sample, upstream, Integer.toString(response.getStatusCode())))
                        .recover(failure -> {
                            timed(sample, upstream, "none");
                            return Future.succeededFuture(upstreamFailure(ctx, failure));
                        });
            }
        });
        return proxy;
    }

    /** Time to the upstream's answer (its head), per upstream and status ("none": no answer at all). */
    private void timed(Timer.Sample sample, String upstream, String status) {
        sample.stop(Timer.builder("alp.gateway.upstream.requests")
                .description("Requests proxied to each upstream service, to the head of its answer")
                .tag("upstream", upstream)
                .tag("status", status)
                .publishPercentileHistogram()
                .register(registry));
    }

    private static ProxyResponse upstreamFailure(ProxyContext ctx, Throwable failure) {
        Problems.Kind kind = failure instanceof ConnectException
                ? Problems.Kind.UNAVAILABLE
                : failure.getClass().getSimpleName().contains("Timeout")
                        ? Problems.Kind.TIMEOUT
                        : Problems.Kind.BAD_GATEWAY;
        var request = ctx.request().proxiedRequest();
        String requestId = request.getHeader(RequestIds.HEADER);
        if (failure instanceof StreamResetException) {
            // The caller closed its connection mid-request (seen when a load generator stops): not an outage.
            LOG.debugf("request %s: caller went away during %s %s", requestId, request.method(), request.path());
        } else {
            LOG.warnf(
                    "request %s: upstream failed for %s %s: %s", requestId, request.method(), request.path(), failure);
        }
        ProxyResponse response = ctx.request()
                .response()
                .setStatusCode(kind.status)
                .setBody(Body.body(Problems.body(
                        kind, "the service behind " + request.path() + " did not answer", request.path(), requestId)));
        response.headers().set("Content-Type", Problems.MEDIA_TYPE);
        return response;
    }
}
