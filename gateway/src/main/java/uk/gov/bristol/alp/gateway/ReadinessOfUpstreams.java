package uk.gov.bristol.alp.gateway;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when every upstream service reports itself ready. */
@Readiness
@ApplicationScoped
public class ReadinessOfUpstreams implements AsyncHealthCheck {
    private final GatewayConfig config;
    private final HttpClient client;

    public ReadinessOfUpstreams(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<String>> checks = config.upstreams().entrySet().stream()
                .map(e -> Uni.createFrom()
                        .completionStage(client.request(new RequestOptions()
                                        .setMethod(HttpMethod.GET)
                                        .setHost(e.getValue().getHost())
                                        .setPort(e.getValue().getPort())
                                        .setURI("/q/health/ready")
                                        // A request without headers fails in the OpenTelemetry extension's
                                        // Vert.x tracer (a null header map while injecting traceparent).
                                        .putHeader("Accept", "application/json")
                                        .setIdleTimeout(2000))
                                .compose(req -> req.send())
                                .map(resp -> e.getKey() + "=" + resp.statusCode())
                                .otherwise(err -> e.getKey() + "=down")
                                .toCompletionStage()))
                .toList();
        return Uni.join()
                .all(checks)
                .andFailFast()
                .ifNoItem()
                .after(Duration.ofSeconds(3))
                .fail()
                .map(results -> {
                    boolean up = results.stream().allMatch(r -> r.endsWith("=200"));
                    var builder = HealthCheckResponse.named("upstreams").status(up);
                    results.forEach(
                            r -> builder.withData(r.substring(0, r.indexOf('=')), r.substring(r.indexOf('=') + 1)));
                    return builder.build();
                })
                .onFailure()
                .recoverWithItem(HealthCheckResponse.named("upstreams").down().build());
    }
}
