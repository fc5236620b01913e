package uk.gov.bristol.alp.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The clock every rule reads "today" from: UK time, replaceable in tests. */
@ApplicationScoped
public class ClockProducer {
    public static final ZoneId UK = ZoneId.of("Europe/London");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(UK);
    }
}
