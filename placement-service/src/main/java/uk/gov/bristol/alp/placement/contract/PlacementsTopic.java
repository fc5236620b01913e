package uk.gov.bristol.alp.placement.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What this service publishes on {@code alp.placements.v1}, keyed by placement id (platform's
 * {@code asyncapi/alp-events.yaml}). No pupil's name leaves this service: ids and money facts only.
 */
public final class PlacementsTopic {

    /**
     * Payload of the proposed, confirmed, revised, ended and cancelled events (asyncapi: PlacementStateEnvelope).
     * {@code effectiveFrom}: for a revision, the first day the new hours apply.
     */
    public record PlacementState(
            UUID placementId,
            UUID providerId,
            String schoolUrn,
            String commissioner,
            String route,
            String status,
            LocalDate startDate,
            LocalDate plannedEndDate,
            BigDecimal hoursPerWeek,
            BigDecimal hourlyRate,
            boolean ehcPlan,
            boolean ehcNeedsAssessment,
            UUID decisionId,
            String costCode,
            LocalDate effectiveFrom,
            LocalDate endDate) {}

    /** A batch of register marks for one placement (asyncapi: attendanceRecorded). */
    public record AttendanceRecorded(UUID placementId, UUID providerId, UUID batchId, List<MarkData> marks) {}

    public record MarkData(LocalDate date, String session, String code) {}

    /** Something about a placement needs someone's attention; once per occurrence (asyncapi: placementAttentionNeeded). */
    public record PlacementAttentionNeeded(
            UUID placementId,
            String schoolUrn,
            UUID providerId,
            String kind,
            String occurrence,
            LocalDate since,
            String detail) {}

    private PlacementsTopic() {}
}
