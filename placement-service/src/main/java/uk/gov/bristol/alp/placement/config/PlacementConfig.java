package uk.gov.bristol.alp.placement.config;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;

@ConfigMapping(prefix = "alp.placement")
public interface PlacementConfig {
    /** Weekly hours at or above which a placement is full time (18 by default). */
    BigDecimal fullTimeHoursThreshold();
}
