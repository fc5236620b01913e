package uk.gov.bristol.alp.placement.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.platform.event.Topics;
import uk.gov.bristol.alp.platform.outbox.Outbox;

/** Placement events into the outbox. No pupil names leave this service: ids and money facts only. */
@ApplicationScoped
public class PlacementEvents {
    private final Outbox outbox;

    public PlacementEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, Placement placement, boolean ehcPlan) {
        publish(type, placement, ehcPlan, null);
    }

    /** {@code effectiveFrom}: for a revision, the first day the new hours apply. */
    public void publish(String type, Placement placement, boolean ehcPlan, LocalDate effectiveFrom) {
        outbox.publish(Topics.PLACEMENTS, type, placement.id.toString(),
                PlacementState.of(placement, ehcPlan, effectiveFrom));
    }

    /** Payload of every alp.placements.v1 event (asyncapi: PlacementStateEnvelope). */
    public record PlacementState(UUID placementId, UUID providerId, String schoolUrn, String commissioner,
            String route, String status, LocalDate startDate, LocalDate plannedEndDate, BigDecimal hoursPerWeek,
            BigDecimal hourlyRate, boolean ehcPlan, UUID decisionId, String costCode, LocalDate effectiveFrom,
            LocalDate endDate) {

        static PlacementState of(Placement p, boolean ehcPlan, LocalDate effectiveFrom) {
            return new PlacementState(p.id, p.providerId, p.schoolUrn, p.commissioner.name(), p.route.name(),
                    p.status.name(), p.startDate, p.plannedEndDate, p.hoursPerWeek, p.hourlyRate, ehcPlan,
                    p.decisionId, p.costCode, effectiveFrom, p.endDate);
        }
    }
}
