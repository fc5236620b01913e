package uk.gov.bristol.alp.finance.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What this service reads of {@code alp.placements.v1}: placements' state changes and attendance batches. */
public final class PlacementsTopic {

    /** The placement as its events carry it (asyncapi: PlacementStateEnvelope). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlacementState(
            UUID placementId,
            UUID providerId,
            String status,
            String costCode,
            BigDecimal hoursPerWeek,
            BigDecimal hourlyRate,
            LocalDate startDate,
            LocalDate plannedEndDate,
            boolean ehcPlan,
            boolean ehcNeedsAssessment,
            LocalDate effectiveFrom,
            LocalDate endDate) {}

    /** A batch of register marks for one placement (asyncapi: attendanceRecorded). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AttendanceRecorded(UUID placementId, List<MarkData> marks) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MarkData(LocalDate date, String session, String code) {}

    private PlacementsTopic() {}
}
