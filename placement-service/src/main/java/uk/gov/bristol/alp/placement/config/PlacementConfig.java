package uk.gov.bristol.alp.placement.config;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.time.Duration;

@ConfigMapping(prefix = "alp.placement")
public interface PlacementConfig {
    /** Weekly hours at or above which a placement is full time (18 by default). */
    BigDecimal fullTimeHoursThreshold();

    /** The school week a part-time pupil's provider hours are shown against; the rest is expected in school. */
    BigDecimal schoolWeekHours();

    /** Longest time between reviews: at least half-termly (a half term is about six weeks). */
    int reviewIntervalDays();

    /** Longest time between contacts of school and provider: at least weekly. */
    int contactIntervalDays();

    /** How long after a timetabled session begins the pupil counts as not arrived when no mark is recorded. */
    Duration arrivalGrace();

    /** How long a raised safeguarding concern may wait for a Hub officer's acknowledgement before it escalates. */
    Duration safeguardingEscalateAfter();

    /** How often the oversight sweep looks for new concerns (read by its schedule, {@code OversightSweep}). */
    Duration oversightSweepEvery();

    /** Working days a provider has to answer an offer when its registry record gives no response timescale. */
    int offerResponseDays();
}
