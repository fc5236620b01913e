package uk.gov.bristol.alp.platform.config;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;

/**
 * The high-cost protocol's weekly threshold, owned here once: the Inclusion Panel flags a decision over it for
 * finance approval and finance holds the commitment for approval over it, so the two can never disagree. Set by
 * {@code alp.high-cost.weekly-threshold} (platform default 1000.00 a week; {@code ALP_HIGH_COST_WEEKLY_THRESHOLD}).
 */
@ConfigMapping(prefix = "alp.high-cost")
public interface HighCostConfig {
    /** A weekly cost strictly over this needs a finance officer's approval. */
    BigDecimal weeklyThreshold();
}
