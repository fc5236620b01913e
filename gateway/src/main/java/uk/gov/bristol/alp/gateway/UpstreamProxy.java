package uk.gov.bristol.alp.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Proxies requests to one upstream service's instances over pooled keep-alive connections, round robin over those in
 * service. A connection refused is tried once more on another instance for any request (nothing was sent). A request
 * that may safely be sent twice (GET, HEAD, OPTIONS, or any carrying an Idempotency-Key, whose body is kept for the
 * purpose up to 1 MB) is also sent once more to another instance when the first fails before any answer; never after
 * a time-out, which may mean the upstream is still working on it.
 */
final class UpstreamProxy {
    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    private static final String INSTANCE = "alp.instance";
    private static final String BODY = "alp.body";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final long MAX_REPLAYED_BODY = 1024 * 1024;

    private final UpstreamPool pool;
    private final MeterRegistry registry;
    private final long timeout;
    private final HttpProxy proxy;

    UpstreamProxy(Vertx vertx, UpstreamPool pool, GatewayConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.registry = registry;
        this.timeout = config.upstreamTimeout().toMillis();
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int)
                        config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
        this.proxy = HttpProxy.reverseProxy(client).origin(this::connect);
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
                return send(ctx);
            }
        });
    }

    void handle(HttpServerRequest request) {
        proxy.handle(request);
    }

    /** A connection to the next instance in service; to another one if it is refused (nothing was sent yet). */
    private Future<HttpClientRequest> connect(ProxyContext ctx) {
        UpstreamPool.Instance first = pool.choose(null);
        ctx.set(INSTANCE, first);
        return open(ctx, first).recover(refused -> {
            pool.failed(first, refused);
            UpstreamPool.Instance other = pool.choose(first);
            if (other == null) {
                return Future.failedFuture(refused);
            }
            ctx.set(INSTANCE, other);
            return open(ctx, other);
        });
    }

    private Future<HttpClientRequest> open(ProxyContext ctx, UpstreamPool.Instance instance) {
        return ctx.client()
                .request(new RequestOptions().setServer(instance.address).setIdleTimeout(timeout));
    }

    private Future<ProxyResponse> send(ProxyContext ctx) {
        if (ctx.request().getURI().startsWith("/openapi/")) {
            ctx.request().setURI("/q/openapi?format=json");
        }
        boolean replayable = replayable(ctx.request());
        Timer.Sample sample = Timer.start(registry);
        boolean withBody = replayable && !SAFE.contains(ctx.request().getMethod());
        return (withBody ? keepBody(ctx) : Future.<Void>succeededFuture())
                .compose(kept -> ctx.sendRequest())
                .recover(failure -> replayable && !isTimeout(failure) && !ProxyFailures.callerLeft(failure)
                        ? again(ctx, failure)
                        : Future.failedFuture(failure))
                .onSuccess(response -> timed(sample, ctx, Integer.toString(response.getStatusCode())))
                .recover(failure -> {
                    timed(sample, ctx, "none");
                    return Future.succeededFuture(ProxyFailures.answer(ctx, failure));
                });
    }

    /** Once more, on another instance (or the same when it is the only one), with the kept body. */
    private Future<ProxyResponse> again(ProxyContext ctx, Throwable failure) {
        UpstreamPool.Instance failed = ctx.get(INSTANCE, UpstreamPool.Instance.class);
        if (failed != null) {
            pool.failed(failed, failure);
        }
        Buffer body = ctx.get(BODY, Buffer.class);
        if (body == null && !SAFE.contains(ctx.request().getMethod())) {
            return Future.failedFuture(failure); // its body could not be kept: it cannot be sent as it was
        }
        UpstreamPool.Instance other = pool.choose(failed);
        UpstreamPool.Instance target = other != null ? other : failed;
        if (target == null) {
            return Future.failedFuture(failure);
        }
        LOG.debugf(
                "%s %s failed on %s before any answer (%s); sent again to %s",
                ctx.request().getMethod(),
                ctx.request().getURI(),
                failed == null ? "-" : failed.label,
                failure.toString(),
                target.label);
        ctx.set(INSTANCE, target);
        // The first attempt consumed the caller's stream: send the kept body (none for GET, HEAD, OPTIONS).
        ctx.request().setBody(Body.body(body != null ? body : Buffer.buffer()));
        return open(ctx, target).compose(request -> ctx.request().send(request));
    }

    private static boolean replayable(ProxyRequest request) {
        if (SAFE.contains(request.getMethod())) {
            return true;
        }
        long length = request.getBody() == null ? 0 : request.getBody().length();
        return request.headers().contains("Idempotency-Key") && length >= 0 && length <= MAX_REPLAYED_BODY;
    }

    /** Reads the request's body into memory so it can be sent twice. */
    private static Future<Void> keepBody(ProxyContext ctx) {
        Body body = ctx.request().getBody();
        if (body == null || body.length() <= 0) {
            ctx.set(BODY, Buffer.buffer());
            return Future.succeededFuture();
        }
        Promise<Void> kept = Promise.promise();
        Buffer all = Buffer.buffer((int) body.length());
        ReadStream<Buffer> stream = body.stream();
        stream.exceptionHandler(kept::tryFail);
        stream.endHandler(end -> {
            ctx.set(BODY, all);
            ctx.request().setBody(Body.body(all));
            kept.tryComplete();
        });
        stream.handler(all::appendBuffer);
        stream.resume();
        return kept.future();
    }

    /** Time to the upstream's answer (its head), per upstream, instance and status ("none": no answer at all). */
    private void timed(Timer.Sample sample, ProxyContext ctx, String status) {
        UpstreamPool.Instance instance = ctx.get(INSTANCE, UpstreamPool.Instance.class);
        sample.stop(Timer.builder("alp.gateway.upstream.requests")
                .description("Requests proxied to each upstream service, to the head of its answer")
                .tag("upstream", pool.name())
                .tag("instance", instance == null ? "none" : instance.label)
                .tag("status", status)
                .publishPercentileHistogram()
                .register(registry));
    }

    static boolean isTimeout(Throwable failure) {
        return failure.getClass().getSimpleName().contains("Timeout");
    }
}
