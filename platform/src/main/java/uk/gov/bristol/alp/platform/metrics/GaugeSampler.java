package uk.gov.bristol.alp.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Map<String, Map<Tags, Value>> values = new ConcurrentHashMap<>();

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

    /**
     * Each row's meter reads a holder the sample updates in place; the meters themselves change only when a row comes
     * or goes. Re-registering every row on each sample (overwrite) left a moment with no meter, and a scrape taken
     * then missed the gauge altogether (an absent series, as if the service had stopped reporting).
     */
    private void publish(String name, Readings.Gauge gauge) {
        MultiGauge multi = gauges.computeIfAbsent(
                name,
                n -> MultiGauge.builder(n).description(gauge.description()).register(registry));
        Map<Tags, Value> current = values.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        Set<Tags> seen = new HashSet<>();
        boolean changed = false;
        for (Readings.Row row : gauge.rows()) {
            seen.add(row.tags());
            Value holder = current.get(row.tags());
            if (holder == null) {
                holder = new Value();
                current.put(row.tags(), holder);
                changed = true;
            }
            holder.value = row.value();
        }
        changed |= current.keySet().retainAll(seen);
        if (changed) {
            List<MultiGauge.Row<?>> rows = current.entrySet().stream()
                    .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue(), Value::get))
                    .toList();
            multi.register(rows, false);
        }
    }

    /** The latest reading of one row; held here, so the meter's reference to it never lapses. */
    private static final class Value {
        volatile double value;

        double get() {
            return value;
        }
    }

    private static String sourceName(GaugeSource source) {
        String name = source.getClass().getSimpleName();
        int proxy = name.indexOf('_');
        return proxy > 0 ? name.substring(0, proxy) : name;
    }
}
