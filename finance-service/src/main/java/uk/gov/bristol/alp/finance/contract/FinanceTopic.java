package uk.gov.bristol.alp.finance.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What this service publishes on {@code alp.finance.v1} (platform's {@code asyncapi/alp-events.yaml}). */
public final class FinanceTopic {

    /** asyncapi: commitmentCreated. {@code hourlyRate} only for an hourly rate; {@code rate} and its unit always. */
    public record CommitmentCreated(
            UUID commitmentId,
            UUID placementId,
            UUID providerId,
            String costCode,
            BigDecimal hoursPerWeek,
            BigDecimal hourlyRate,
            BigDecimal rate,
            String rateUnit,
            BigDecimal weeks,
            BigDecimal forecastCost,
            LocalDate startDate,
            LocalDate plannedEndDate,
            String status,
            String approval) {}

    /** asyncapi: commitmentApprovalOverdue. */
    public record CommitmentApprovalOverdue(
            UUID commitmentId,
            UUID placementId,
            UUID providerId,
            boolean ehcPlan,
            boolean ehcNeedsAssessment,
            BigDecimal forecastCost,
            OffsetDateTime dueBy) {}

    /** asyncapi: commitmentApproved. */
    public record CommitmentApproved(
            UUID commitmentId, UUID placementId, BigDecimal approvedTotal, OffsetDateTime approvedAt) {}

    /**
     * asyncapi: costCodeChanged. The code's state after a change: ACTIVE (registered), RETIRED (takes no new
     * placements) or DELETED (registered by mistake and removed).
     */
    public record CostCodeChanged(
            String code, String description, String fundingStream, String status, OffsetDateTime changedAt) {}

    /** asyncapi: budgetThresholdReached. */
    public record BudgetThresholdReached(
            UUID budgetId,
            String financialYear,
            String costCode,
            int level,
            BigDecimal budget,
            BigDecimal committed,
            OffsetDateTime reachedAt) {}

    private FinanceTopic() {}
}
