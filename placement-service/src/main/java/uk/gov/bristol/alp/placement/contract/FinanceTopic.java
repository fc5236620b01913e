package uk.gov.bristol.alp.placement.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What this service reads of {@code alp.finance.v1}: the register of cost codes (asyncapi: costCodeChanged) and the
 * funding clock (commitmentApprovalOverdue, commitmentApproved).
 */
public final class FinanceTopic {

    /** A cost code's state after a change: ACTIVE, RETIRED or DELETED. */
    public record CostCodeChanged(String code, String description, String fundingStream, String status) {}

    /** A placement's commitment has waited for approval past its target. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommitmentApprovalOverdue(UUID commitmentId, UUID placementId, OffsetDateTime dueBy) {}

    /** Finance approved a placement's commitment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommitmentApproved(UUID commitmentId, UUID placementId) {}

    private FinanceTopic() {}
}
