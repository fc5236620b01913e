package uk.gov.bristol.alp.finance.config;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.time.Duration;

/** The finance service's own settings ({@code alp.finance.*}); the weekly high-cost threshold is platform's. */
@ConfigMapping(prefix = "alp.finance")
public interface FinanceConfig {

    HighCost highCost();

    Approval approval();

    /** How long a commitment may wait for a finance officer's approval before it is overdue. */
    interface Approval {
        Duration target();

        /** Shorter for an EHC-plan pupil, who must not wait at home for funding sign-off. */
        Duration targetEhcPlan();

        /** How often commitments are checked against their target (a duration such as {@code 1m}). */
        String sweepEvery();
    }

    interface HighCost {
        /** A commitment whose forecast total is strictly over this needs a finance officer's approval. */
        BigDecimal totalThreshold();
    }
}
