package uk.gov.bristol.alp.finance.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.finance.contract.PlacementsTopic.AttendanceRecorded;
import uk.gov.bristol.alp.finance.contract.PlacementsTopic.PlacementState;
import uk.gov.bristol.alp.finance.service.CommitmentService;
import uk.gov.bristol.alp.finance.service.CommitmentService.PlacementTerms;
import uk.gov.bristol.alp.finance.service.DeliveredSessions;
import uk.gov.bristol.alp.platform.codes.AttendanceCode;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventHandler;
import uk.gov.bristol.alp.platform.inbox.ReplayableConsumer;

/**
 * Keeps commitments in step with placements (alp.placements.v1): confirmed -> committed, revised ->
 * recomputed from the date of the change, ended -> the rest released, cancelled -> all released; attendance
 * marks are kept as the sessions delivered, for checking invoices.
 */
@ApplicationScoped
public class PlacementEventsConsumer implements ReplayableConsumer {
    private static final String CONSUMER = "finance-service.placements";

    private final EventHandler handler;
    private final EventJson json;
    private final CommitmentService commitments;
    private final DeliveredSessions sessions;

    public PlacementEventsConsumer(
            EventHandler handler, EventJson json, CommitmentService commitments, DeliveredSessions sessions) {
        this.handler = handler;
        this.json = json;
        this.commitments = commitments;
        this.sessions = sessions;
    }

    @Incoming("placements")
    @Blocking
    public void onPlacementEvent(String record) {
        accept(record);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public EventHandler.Outcome accept(String record) {
        return handler.handle(
                CONSUMER,
                record,
                Map.of(
                        EventTypes.PLACEMENT_CONFIRMED, event -> commitments.commit(terms(state(event))),
                        EventTypes.PLACEMENT_REVISED,
                                event -> {
                                    PlacementState p = state(event);
                                    commitments.revise(
                                            terms(p), p.effectiveFrom() != null ? p.effectiveFrom() : p.startDate());
                                },
                        EventTypes.PLACEMENT_ENDED,
                                event -> {
                                    PlacementState p = state(event);
                                    commitments.end(terms(p), p.endDate() != null ? p.endDate() : p.plannedEndDate());
                                },
                        EventTypes.PLACEMENT_CANCELLED,
                                event -> commitments.cancel(state(event).placementId()),
                        EventTypes.ATTENDANCE_RECORDED, this::recordAttendance));
    }

    private void recordAttendance(EventEnvelope event) {
        AttendanceRecorded attendance = json.data(event, AttendanceRecorded.class);
        sessions.record(
                attendance.placementId(),
                attendance.marks().stream()
                        .map(mark -> new DeliveredSessions.Mark(
                                mark.date(),
                                mark.session(),
                                AttendanceCode.fromCode(mark.code())
                                        .orElseThrow(() -> new IllegalArgumentException(
                                                "unknown attendance code " + mark.code()))))
                        .toList());
    }

    private PlacementState state(EventEnvelope event) {
        return json.data(event, PlacementState.class);
    }

    private static PlacementTerms terms(PlacementState p) {
        return new PlacementTerms(
                p.placementId(),
                p.providerId(),
                p.costCode(),
                p.hoursPerWeek(),
                p.hourlyRate(),
                p.startDate(),
                p.plannedEndDate(),
                p.ehcPlan(),
                p.ehcNeedsAssessment(),
                !"PROPOSED".equals(p.status()));
    }
}
