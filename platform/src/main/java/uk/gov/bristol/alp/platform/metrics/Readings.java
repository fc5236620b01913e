package uk.gov.bristol.alp.platform.metrics;

import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one sampling found: per gauge name, its description and one value per set of tags. */
public final class Readings {
    record Gauge(String description, List<Row> rows) {}

    record Row(Tags tags, double value) {}

    private final Map<String, Gauge> gauges = new LinkedHashMap<>();

    /** Declares a gauge even when it has no row this time (so it reads as absent rather than stale). */
    public Readings declare(String name, String description) {
        gauges.computeIfAbsent(name, n -> new Gauge(description, new ArrayList<>()));
        return this;
    }

    /** One value; tags as alternating keys and values. */
    public Readings add(String name, String description, double value, String... tags) {
        declare(name, description).gauges.get(name).rows().add(new Row(Tags.of(tags), value));
        return this;
    }

    Map<String, Gauge> gauges() {
        return gauges;
    }
}
