package uk.gov.bristol.alp.notification.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** What this service reads of {@code alp.finance.v1}: commitments awaiting (or overdue for) approval, budget thresholds. */
public final class FinanceTopic {

    /** asyncapi: commitmentCreated. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommitmentCreated(
            UUID commitmentId, UUID placementId, UUID providerId, String forecastCost, String approval) {}

    /** asyncapi: commitmentApprovalOverdue. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommitmentApprovalOverdue(
            UUID commitmentId,
            UUID placementId,
            UUID providerId,
            boolean ehcPlan,
            boolean ehcNeedsAssessment,
            String forecastCost,
            String dueBy) {
        /** Under the SEND protocol: the pupil must not wait at home for funding sign-off. */
        public boolean send() {
            return ehcPlan || ehcNeedsAssessment;
        }
    }

    /** asyncapi: budgetThresholdReached. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BudgetThresholdReached(
            UUID budgetId, String financialYear, String costCode, int level, String budget, String committed) {}

    private FinanceTopic() {}
}
