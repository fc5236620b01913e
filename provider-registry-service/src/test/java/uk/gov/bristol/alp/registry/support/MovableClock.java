package uk.gov.bristol.alp.registry.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import uk.gov.bristol.alp.platform.time.ClockProducer;

/** The service's clock in tests: real time, moved forward by whole days when a test needs "tomorrow". */
public class MovableClock extends Clock {
    private static volatile Duration offset = Duration.ZERO;

    public static void advanceDays(int days) {
        offset = offset.plusDays(days);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ClockProducer.UK;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Replaces the platform's default clock bean in this module's tests. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @ApplicationScoped
        Clock clock() {
            return new MovableClock();
        }
    }
}
