package uk.gov.bristol.alp.registry.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uk.gov.bristol.alp.registry.config.RegistryConfig;

/**
 * Finds approved providers whose evidence has expired and publishes their lapse, and reminds of evidence expiring
 * within {@code alp.registry.expiry-reminder-days}. Hourly, first run just after start-up, so an expiry at midnight
 * is published within the hour and a restart misses nothing. (Reads and recorded checks detect a lapse at once.)
 */
@ApplicationScoped
public class ComplianceSweep {
    private static final Logger LOG = Logger.getLogger(ComplianceSweep.class);

    private final ProviderService providers;
    private final int reminderDays;

    public ComplianceSweep(ProviderService providers, RegistryConfig config) {
        this.providers = providers;
        this.reminderDays = config.expiryReminderDays();
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
        int reminded = providers.remindExpiring(reminderDays);
        if (lapsed > 0 || reminded > 0) {
            LOG.infof(
                    "compliance sweep: %d approved provider(s) newly lapsed, %d reminded of evidence expiring",
                    lapsed, reminded);
        }
        return lapsed;
    }
}
