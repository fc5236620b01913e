package uk.gov.bristol.alp.finance.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import uk.gov.bristol.alp.finance.config.FinanceConfig;
import uk.gov.bristol.alp.platform.config.HighCostConfig;

/**
 * The high-cost and SEND protocol ({@code docs/domain-rules.md}): a commitment for a pupil with an EHC plan, or over the weekly
 * or the total threshold (strictly over: a commitment at the threshold does not need approval), counts as
 * approved only once a finance officer approves it.
 */
@ApplicationScoped
public class ApprovalProtocol {
    private final BigDecimal weeklyThreshold;
    private final BigDecimal totalThreshold;
    private final FinanceConfig.Approval approval;

    public ApprovalProtocol(HighCostConfig highCost, FinanceConfig finance) {
        this.weeklyThreshold = highCost.weeklyThreshold();
        this.totalThreshold = finance.highCost().totalThreshold();
        this.approval = finance.approval();
    }

    /**
     * When a pending commitment must be approved by: {@code alp.finance.approval.target} after it was made, or the
     * shorter {@code target-ehc-plan} for a pupil with an EHC plan or an assessment under way, who must not wait at
     * home for funding sign-off.
     */
    public OffsetDateTime dueBy(Commitment c) {
        return c.createdAt.plus(c.send() ? approval.targetEhcPlan() : approval.target());
    }

    /** The shorter of the two targets: no commitment is overdue sooner than this after it was made. */
    public Duration shortestTarget() {
        return approval.target().compareTo(approval.targetEhcPlan()) < 0 ? approval.target() : approval.targetEhcPlan();
    }

    public List<String> reasons(Commitment c) {
        List<String> reasons = new ArrayList<>();
        if (c.ehcPlan) {
            reasons.add("SEND protocol: the pupil has an EHC plan");
        } else if (c.ehcNeedsAssessment) {
            reasons.add("SEND protocol: funding before the plan, the pupil's EHC needs assessment is under way");
        }
        Rate rate = c.rate();
        if (rate != null) {
            BigDecimal weekly = rate.weekly(c.segments.stream()
                    .map(Segment::hoursPerWeek)
                    .max(BigDecimal::compareTo)
                    .orElse(BigDecimal.ZERO));
            if (weekly.compareTo(weeklyThreshold) > 0) {
                reasons.add("weekly cost " + money(weekly) + " is over " + money(weeklyThreshold));
            }
        }
        if (c.forecastCost != null && c.forecastCost.compareTo(totalThreshold) > 0) {
            reasons.add("total cost " + money(c.forecastCost) + " is over " + money(totalThreshold));
        }
        return reasons;
    }

    /** After a recompute: approval is needed when there are reasons, unless what was approved still covers it. */
    public void apply(Commitment c) {
        c.approvalReasons = reasons(c);
        if (c.approvalReasons.isEmpty()) {
            c.approval = Commitment.Approval.NOT_REQUIRED;
        } else if (c.approval != Commitment.Approval.APPROVED
                || c.approvedTotal == null
                || c.forecastCost == null
                || c.forecastCost.compareTo(c.approvedTotal) > 0) {
            c.approval = Commitment.Approval.PENDING;
        }
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
