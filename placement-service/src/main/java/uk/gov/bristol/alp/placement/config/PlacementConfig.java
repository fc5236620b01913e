package uk.gov.bristol.alp.placement.config;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;

@ConfigMapping(prefix = "alp.placement")
public interface PlacementConfig {
    /** Weekly hours at or above which a placement is full time (18 by default). */
    BigDecimal fullTimeHoursThreshold();

    /** The school week a part-time pupil's provider hours are shown against; the rest is expected in school. */
    BigDecimal schoolWeekHours();
}
