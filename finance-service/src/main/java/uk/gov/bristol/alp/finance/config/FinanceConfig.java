package uk.gov.bristol.alp.finance.config;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;

/** The finance service's own settings ({@code alp.finance.*}); the weekly high-cost threshold is platform's. */
@ConfigMapping(prefix = "alp.finance")
public interface FinanceConfig {

    HighCost highCost();

    interface HighCost {
        /** A commitment whose forecast total is strictly over this needs a finance officer's approval. */
        BigDecimal totalThreshold();
    }
}
