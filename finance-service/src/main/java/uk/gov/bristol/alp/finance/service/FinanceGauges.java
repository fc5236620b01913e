package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import uk.gov.bristol.alp.finance.domain.FinancialYear;
import uk.gov.bristol.alp.platform.metrics.GaugeSource;
import uk.gov.bristol.alp.platform.metrics.Readings;

/**
 * Money as gauges: commitments waiting for a finance officer's approval and how long the oldest has waited (a pupil
 * with an EHC plan must not wait at home for it), and per cost code this financial year's budget, what is committed
 * and pending, and the share of the budget used.
 */
@ApplicationScoped
public class FinanceGauges implements GaugeSource {
    private final EntityManager em;
    private final BudgetPositionReport budgetPosition;
    private final Clock clock;

    public FinanceGauges(EntityManager em, BudgetPositionReport budgetPosition, Clock clock) {
        this.em = em;
        this.budgetPosition = budgetPosition;
        this.clock = clock;
    }

    @Override
    public void sample(Readings readings) {
        Object[] pending = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                from commitment where approval = 'PENDING' and status not in ('ENDED', 'CANCELLED')""").getSingleResult();
        readings.add(
                        "alp.commitments.pending.approval",
                        "Commitments waiting for a finance officer's approval",
                        ((Number) pending[0]).doubleValue())
                .add(
                        "alp.commitments.pending.approval.oldest.age.seconds",
                        "How long the oldest commitment has waited for approval",
                        ((Number) pending[1]).doubleValue());
        readings.declare("alp.budget.amount", "Budget for the financial year, GBP");
        for (BudgetPositionReport.Line line : budgetPosition
                .of(FinancialYear.containing(LocalDate.now(clock)))
                .byCostCode()) {
            String code = line.costCode() == null ? "uncoded" : line.costCode();
            double used = line.committed().add(line.pendingApproval()).doubleValue();
            readings.add(
                            "alp.budget.amount",
                            "Budget for the financial year, GBP",
                            line.budget().doubleValue(),
                            "cost_code",
                            code)
                    .add(
                            "alp.budget.committed",
                            "Committed and pending approval this financial year, GBP",
                            used,
                            "cost_code",
                            code);
            if (line.budget().signum() > 0) {
                readings.add(
                        "alp.budget.used.ratio",
                        "Committed and pending approval as a share of the budget",
                        used / line.budget().doubleValue(),
                        "cost_code",
                        code);
            }
        }
    }
}
