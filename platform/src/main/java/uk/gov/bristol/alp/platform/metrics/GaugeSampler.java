package uk.gov.bristol.alp.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Samples every {@link GaugeSource} every {@code alp.metrics.sample-interval} and publishes what it read as
 * Micrometer gauges. A source whose query fails (the database away) keeps its last values and counts a failure
 * ({@code alp.metrics.sample.failures}), so a scrape still answers and says the figures are stale.
 */
@ApplicationScoped
public class GaugeSampler {
    private static final Logger LOG = Logger.getLogger(GaugeSampler.class);

    private final Instance<GaugeSource> sources;
    private final MeterRegistry registry;
    private final Map<String, MultiGauge> gauges = new ConcurrentHashMap<>();

    public GaugeSampler(@Any Instance<GaugeSource> sources, MeterRegistry registry) {
        this.sources = sources;
        this.registry = registry;
    }

    @Scheduled(
            every = "${alp.metrics.sample-interval:30s}",
            delayed = "${alp.metrics.sample-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sampleNow();
    }

    /** Samples every source now (also what the schedule calls). */
    public void sampleNow() {
        for (GaugeSource source : sources) {
            Readings readings = new Readings();
            try {
                QuarkusTransaction.requiringNew().run(() -> source.sample(readings));
            } catch (RuntimeException e) {
                LOG.debugf("metrics: %s not sampled: %s", source.getClass().getSimpleName(), e);
                registry.counter("alp.metrics.sample.failures", "source", sourceName(source))
                        .increment();
                continue;
            }
            readings.gauges().forEach(this::publish);
        }
    }

    private void publish(String name, Readings.Gauge gauge) {
        MultiGauge multi = gauges.computeIfAbsent(
                name,
                n -> MultiGauge.builder(n).description(gauge.description()).register(registry));
        List<MultiGauge.Row<?>> rows = gauge.rows().stream()
                .<MultiGauge.Row<?>>map(r -> MultiGauge.Row.of(r.tags(), r.value()))
                .toList();
        multi.register(rows, true);
    }

    private static String sourceName(GaugeSource source) {
        String name = source.getClass().getSimpleName();
        int proxy = name.indexOf('_');
        return proxy > 0 ? name.substring(0, proxy) : name;
    }
}
