package uk.gov.bristol.alp.finance.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import uk.gov.bristol.alp.finance.contract.FinanceTopic.BudgetThresholdReached;
import uk.gov.bristol.alp.finance.contract.FinanceTopic.CommitmentApprovalOverdue;
import uk.gov.bristol.alp.finance.contract.FinanceTopic.CommitmentApproved;
import uk.gov.bristol.alp.finance.contract.FinanceTopic.CommitmentCreated;
import uk.gov.bristol.alp.finance.contract.FinanceTopic.CostCodeChanged;
import uk.gov.bristol.alp.finance.domain.Budget;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.domain.CostCode;
import uk.gov.bristol.alp.finance.domain.Rate;
import uk.gov.bristol.alp.finance.service.FinanceEvents;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.event.Topics;
import uk.gov.bristol.alp.platform.outbox.Outbox;

/** Finance events into the outbox: commitments keyed by placement id, thresholds by budget id. */
@ApplicationScoped
public class FinanceEventsPublisher implements FinanceEvents {
    private final Outbox outbox;

    public FinanceEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void commitmentCreated(Commitment c) {
        outbox.publish(
                Topics.FINANCE,
                EventTypes.COMMITMENT_CREATED,
                c.placementId.toString(),
                new CommitmentCreated(
                        c.id,
                        c.placementId,
                        c.providerId,
                        c.costCode,
                        c.hoursPerWeek,
                        c.rateUnit == Rate.Unit.HOUR ? c.hourlyRate : null,
                        c.hourlyRate,
                        c.hourlyRate == null ? null : c.rateUnit.name(),
                        c.weeks,
                        c.forecastCost,
                        c.startDate,
                        c.plannedEndDate,
                        c.status.name(),
                        c.approval.name()));
    }

    @Override
    public void commitmentApprovalOverdue(Commitment c, OffsetDateTime dueBy) {
        outbox.publish(
                Topics.FINANCE,
                EventTypes.COMMITMENT_APPROVAL_OVERDUE,
                c.placementId.toString(),
                new CommitmentApprovalOverdue(
                        c.id, c.placementId, c.providerId, c.ehcPlan, c.ehcNeedsAssessment, c.forecastCost, dueBy));
    }

    @Override
    public void commitmentApproved(Commitment c) {
        outbox.publish(
                Topics.FINANCE,
                EventTypes.COMMITMENT_APPROVED,
                c.placementId.toString(),
                new CommitmentApproved(c.id, c.placementId, c.approvedTotal, c.approvedAt));
    }

    @Override
    public void costCodeChanged(CostCode code, String status) {
        outbox.publish(
                Topics.FINANCE,
                EventTypes.COST_CODE_CHANGED,
                code.code,
                new CostCodeChanged(
                        code.code,
                        code.description,
                        code.fundingStream.name(),
                        status,
                        OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @Override
    public void budgetThresholdReached(Budget budget, int level, BigDecimal committed, OffsetDateTime reachedAt) {
        outbox.publish(
                Topics.FINANCE,
                EventTypes.BUDGET_THRESHOLD_REACHED,
                budget.id.toString(),
                new BudgetThresholdReached(
                        budget.id, budget.financialYear, budget.costCode, level, budget.amount, committed, reachedAt));
    }
}
