package uk.gov.bristol.alp.gateway;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when every upstream service has at least one instance ready ("2/2 ready" per service). */
@Readiness
@ApplicationScoped
public class ReadinessOfUpstreams implements AsyncHealthCheck {
    private final Upstreams upstreams;

    public ReadinessOfUpstreams(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom()
                .completionStage(() -> upstreams.probeAll().toCompletionStage())
                .ifNoItem()
                .after(Duration.ofSeconds(3))
                .recoverWithItem(() -> null)
                .map(probed -> {
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams");
                    boolean up = true;
                    for (UpstreamPool pool : upstreams.pools().values()) {
                        long ready = pool.instances().stream()
                                .filter(UpstreamPool.Instance::inService)
                                .count();
                        up &= ready > 0;
                        builder.withData(
                                pool.name(), ready + "/" + pool.instances().size() + " ready");
                    }
                    return builder.status(up).build();
                });
    }
}
