package uk.gov.bristol.alp.finance.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import uk.gov.bristol.alp.finance.domain.Budget;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.domain.CostCode;

/**
 * What the use cases announce; the messaging package puts it in the outbox, in the caller's transaction. A port,
 * so that use cases never depend on how events are published.
 */
public interface FinanceEvents {

    void commitmentCreated(Commitment commitment);

    /** The commitment still waits for approval past {@code dueBy}: announced once per approval round. */
    void commitmentApprovalOverdue(Commitment commitment, OffsetDateTime dueBy);

    /** A finance officer approved the commitment. */
    void commitmentApproved(Commitment commitment);

    /** The cost code's state after a change; {@code status} DELETED when it was removed. */
    void costCodeChanged(CostCode code, String status);

    /** {@code level}: the percentage of the budget now committed (80, 90 or 100); announced once per level. */
    void budgetThresholdReached(Budget budget, int level, BigDecimal committed, OffsetDateTime reachedAt);
}
