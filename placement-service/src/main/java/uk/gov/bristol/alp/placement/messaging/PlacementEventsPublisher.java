package uk.gov.bristol.alp.placement.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.contract.PlacementsTopic.AttendanceRecorded;
import uk.gov.bristol.alp.placement.contract.PlacementsTopic.MarkData;
import uk.gov.bristol.alp.placement.contract.PlacementsTopic.PlacementAttentionNeeded;
import uk.gov.bristol.alp.placement.contract.PlacementsTopic.PlacementState;
import uk.gov.bristol.alp.placement.domain.Oversight;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.placement.service.AttendanceService;
import uk.gov.bristol.alp.placement.service.PlacementEvents;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.event.Topics;
import uk.gov.bristol.alp.platform.outbox.Outbox;
import uk.gov.bristol.alp.platform.tracing.EventTraces;

/** Placement events into the outbox, keyed by placement id. No pupil names leave this service. */
@ApplicationScoped
public class PlacementEventsPublisher implements PlacementEvents {
    private final Outbox outbox;
    private final EventTraces traces;

    public PlacementEventsPublisher(Outbox outbox, EventTraces traces) {
        this.outbox = outbox;
        this.traces = traces;
    }

    /**
     * A placement proposed by a panel decision remembers the decision's trace, and its confirmation is recorded in
     * that trace (linked to the confirming request's own), so the commitment that follows joins it too.
     */
    @Override
    public void publish(String type, Placement p, Pupil pupil, LocalDate effectiveFrom) {
        SendFunding send = new SendFunding(
                pupil.hasEhcPlan(), pupil.ehcNeedsAssessment != null && pupil.ehcNeedsAssessment.inProgress());
        if (type.equals(EventTypes.PLACEMENT_PROPOSED) && p.originTrace == null) {
            // Offered elsewhere later, a proposal keeps the trace of the decision it came from.
            p.originTrace = EventTraces.current();
        }
        if (type.equals(EventTypes.PLACEMENT_CONFIRMED) && p.originTrace != null) {
            traces.continuing(p.originTrace, "confirm placement", () -> record(type, p, send, effectiveFrom));
        } else {
            record(type, p, send, effectiveFrom);
        }
    }

    /** What finance needs of the pupil's SEND status: an EHC plan, or an assessment under way (funding before it). */
    private record SendFunding(boolean ehcPlan, boolean ehcNeedsAssessment) {}

    private UUID record(String type, Placement p, SendFunding send, LocalDate effectiveFrom) {
        return outbox.publish(
                Topics.PLACEMENTS,
                type,
                p.id.toString(),
                new PlacementState(
                        p.id,
                        p.providerId,
                        p.schoolUrn,
                        p.commissioner.name(),
                        p.route.name(),
                        p.status.name(),
                        p.startDate,
                        p.plannedEndDate,
                        p.hoursPerWeek,
                        p.hourlyRate,
                        send.ehcPlan(),
                        send.ehcNeedsAssessment(),
                        p.decisionId,
                        p.costCode,
                        effectiveFrom,
                        p.endDate));
    }

    @Override
    public void attendanceRecorded(
            UUID placementId, UUID providerId, UUID batchId, List<AttendanceService.Mark> marks) {
        List<MarkData> data = marks.stream()
                .map(m -> new MarkData(m.date(), m.session(), m.code()))
                .toList();
        outbox.publish(
                Topics.PLACEMENTS,
                EventTypes.ATTENDANCE_RECORDED,
                placementId.toString(),
                new AttendanceRecorded(placementId, providerId, batchId, data));
    }

    @Override
    public void attentionNeeded(Oversight.Concern c) {
        outbox.publish(
                Topics.PLACEMENTS,
                EventTypes.PLACEMENT_ATTENTION_NEEDED,
                c.placementId().toString(),
                new PlacementAttentionNeeded(
                        c.placementId(),
                        c.schoolUrn(),
                        c.providerId(),
                        c.kind().name(),
                        c.occurrence(),
                        c.since(),
                        c.detail()));
    }
}
