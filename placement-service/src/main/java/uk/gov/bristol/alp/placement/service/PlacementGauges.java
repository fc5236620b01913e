package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import uk.gov.bristol.alp.placement.domain.Oversight;
import uk.gov.bristol.alp.platform.metrics.GaugeSource;
import uk.gov.bristol.alp.platform.metrics.Readings;

/**
 * What the Hub's attention list and the s463 monitor show, as gauges for alerts: open attention items by kind
 * (SAFEGUARDING_CONCERN counts concerns not yet acknowledged, SAFEGUARDING_ESCALATED those past the escalation time)
 * and providers at risk of needing registration as an independent school. Counts only: no pupil, school or
 * placement in any label.
 */
@ApplicationScoped
public class PlacementGauges implements GaugeSource {
    private final OversightService oversight;
    private final RegistrationRiskMonitor registration;
    private final Clock clock;

    public PlacementGauges(OversightService oversight, RegistrationRiskMonitor registration, Clock clock) {
        this.oversight = oversight;
        this.registration = registration;
        this.clock = clock;
    }

    @Override
    public void sample(Readings readings) {
        Map<Oversight.Kind, Integer> open = new EnumMap<>(Oversight.Kind.class);
        for (Oversight.Kind kind : Oversight.Kind.values()) {
            open.put(kind, 0);
        }
        oversight.concerns(ZonedDateTime.now(clock)).forEach(c -> open.merge(c.kind(), 1, Integer::sum));
        open.forEach((kind, count) -> readings.add(
                "alp.attention.open", "Open items on the Hub's attention list", count, "kind", kind.name()));
        readings.add(
                "alp.s463.providers.at.risk",
                "Unregistered providers whose full-time pupils reach the independent-school registration threshold",
                registration.providersAtRisk().size());
    }
}
