package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import uk.gov.bristol.alp.finance.config.FinanceConfig;
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
    private final FinanceConfig.Approval approval;

    public FinanceGauges(EntityManager em, BudgetPositionReport budgetPosition, Clock clock, FinanceConfig config) {
        this.em = em;
        this.budgetPosition = budgetPosition;
        this.clock = clock;
        this.approval = config.approval();
    }

    @Override
    public void sample(Readings readings) {
        Object[] pending = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(extract(epoch from now() - min(created_at)), 0),
                       count(*) filter (where created_at + make_interval(secs => case when ehc_plan or ehc_needs_assessment
                           then :ehcPlanTarget else :target end) < now())
                from commitment where approval = 'PENDING' and status not in ('ENDED', 'CANCELLED')""")
                .setParameter("target", approval.target().toSeconds())
                .setParameter("ehcPlanTarget", approval.targetEhcPlan().toSeconds())
                .getSingleResult();
        readings.add(
                        "alp.commitments.pending.approval",
                        "Commitments waiting for a finance officer's approval",
                        ((Number) pending[0]).doubleValue())
                .add(
                        "alp.commitments.pending.approval.oldest.age.seconds",
                        "How long the oldest commitment has waited for approval",
                        ((Number) pending[1]).doubleValue())
                .add(
                        "alp.commitments.approval.overdue",
                        "Commitments waiting for approval past their target time (shorter for EHC-plan pupils)",
                        ((Number) pending[2]).doubleValue());
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
