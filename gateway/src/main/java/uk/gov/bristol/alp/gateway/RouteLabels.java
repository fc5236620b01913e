package uk.gov.bristol.alp.gateway;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * The gateway's routes are prefixes, so its request metrics would be labelled with every concrete path (one series
 * per placement id). Ids and numbers in a path become {id} and {n}; latency is kept as a histogram for percentiles.
 */
public class RouteLabels {
    private static final Pattern UUID_SEGMENT =
            Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");
    private static final Pattern NUMBER_SEGMENT = Pattern.compile("/[0-9]+(?=/|$)");

    static String template(String path) {
        String ids = UUID_SEGMENT.matcher(path).replaceAll("/{id}");
        return NUMBER_SEGMENT.matcher(ids).replaceAll("/{n}");
    }

    @Produces
    @Singleton
    MeterFilter routeTemplates() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (!id.getName().equals("http.server.requests") || uri == null) {
                    return id;
                }
                return id.withTag(Tag.of("uri", template(uri)));
            }
        };
    }
}
