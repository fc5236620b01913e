package uk.gov.bristol.alp.notification.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** What this service reads of {@code alp.finance.v1}: commitments awaiting approval and budget thresholds. */
public final class FinanceTopic {

    /** asyncapi: commitmentCreated. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommitmentCreated(
            UUID commitmentId, UUID placementId, UUID providerId, String forecastCost, String approval) {}

    /** asyncapi: budgetThresholdReached. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BudgetThresholdReached(
            UUID budgetId, String financialYear, String costCode, int level, String budget, String committed) {}

    private FinanceTopic() {}
}
