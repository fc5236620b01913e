package uk.gov.bristol.alp.registry.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Finds approved providers whose evidence has expired and publishes their lapse. Hourly, first run just
 * after start-up, so an expiry at midnight is published within the hour and a restart misses nothing.
 * (Reads and recorded checks detect a lapse at once as well.)
 */
@ApplicationScoped
public class ComplianceSweep {
    private static final Logger LOG = Logger.getLogger(ComplianceSweep.class);

    private final ProviderService providers;

    public ComplianceSweep(ProviderService providers) {
        this.providers = providers;
    }

    @Scheduled(
            every = "${alp.registry.compliance-sweep-every:1h}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    public int run() {
        int lapsed = providers.sweepCompliance();
        if (lapsed > 0) {
            LOG.infof("compliance sweep: %d approved provider(s) newly lapsed", lapsed);
        }
        return lapsed;
    }
}
