package uk.gov.bristol.alp.placement.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/**
 * Looks for new concerns about placements every few minutes (first run soon after start-up), so the Hub hears of
 * a pupil not arrived the same morning and of overdue reviews and contact the day they fall due.
 */
@ApplicationScoped
public class OversightSweep {
    private static final Logger LOG = Logger.getLogger(OversightSweep.class);

    private final OversightService oversight;
    private final Clock clock;

    public OversightSweep(OversightService oversight, Clock clock) {
        this.oversight = oversight;
        this.clock = clock;
    }

    @Scheduled(
            every = "${alp.placement.oversight-sweep-every}",
            delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int raised = oversight.raiseNew(ZonedDateTime.now(clock));
        if (raised > 0) {
            LOG.infof("oversight sweep: %d new concern(s) raised for the ALP Hub", raised);
        }
    }
}
