package uk.gov.bristol.alp.finance.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import uk.gov.bristol.alp.finance.domain.CostCode;
import uk.gov.bristol.alp.platform.announce.AnnounceOnce;

/**
 * Cost codes registered before finance published them (alp.finance.v1) are published once, at the first start that
 * has this class, so the placement service knows every code and never refuses one that exists. Later changes are
 * published as they happen ({@link CostCodeService}).
 */
@ApplicationScoped
public class CostCodeRegisterPublication {
    private static final Logger LOG = Logger.getLogger(CostCodeRegisterPublication.class);

    private final AnnounceOnce once;
    private final FinanceEvents events;

    public CostCodeRegisterPublication(AnnounceOnce once, FinanceEvents events) {
        this.once = once;
        this.events = events;
    }

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!once.firstTime("cost-code-register", "all", "v1", "every cost code published")) {
                return;
            }
            var codes = CostCode.<CostCode>listAll();
            codes.forEach(c -> events.costCodeChanged(c, c.status.name()));
            LOG.infof("published the register of %d cost code(s) for the other services", codes.size());
        });
    }
}
