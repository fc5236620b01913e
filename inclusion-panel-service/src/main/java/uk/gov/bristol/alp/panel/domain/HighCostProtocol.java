package uk.gov.bristol.alp.panel.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import uk.gov.bristol.alp.panel.domain.ReferralContent.AgreedPlacement;
import uk.gov.bristol.alp.panel.domain.ReferralContent.PupilDetails;
import uk.gov.bristol.alp.platform.config.HighCostConfig;

/**
 * Which approved placements need a finance officer's approval before they count ({@code docs/domain-rules.md}: High
 * Needs and high-cost placements follow their protocol): a pupil with an EHC plan or an EHC needs assessment under way
 * (funding before the plan), or an estimated weekly cost over the
 * threshold shared with finance ({@link HighCostConfig}). The reasons are listed so finance sees why.
 */
@ApplicationScoped
public class HighCostProtocol {
    private final BigDecimal weeklyThreshold;

    public HighCostProtocol(HighCostConfig highCost) {
        this.weeklyThreshold = highCost.weeklyThreshold();
    }

    public List<String> reasons(Decision.Outcome outcome, PupilDetails pupil, AgreedPlacement placement) {
        List<String> reasons = new ArrayList<>();
        if (outcome != Decision.Outcome.APPROVE_PLACEMENT) {
            return reasons;
        }
        if (pupil != null && pupil.hasEhcPlan()) {
            reasons.add("SEND protocol: the pupil has an EHC plan");
        } else if (pupil != null && pupil.assessmentUnderWay()) {
            reasons.add("SEND protocol: funding before the plan, EHC needs assessment requested on "
                    + pupil.ehcNeedsAssessmentRequestedOn());
        }
        BigDecimal weekly = placement.estimatedWeeklyCost();
        if (weekly != null && weekly.compareTo(weeklyThreshold) > 0) {
            reasons.add("high cost: estimated " + weekly.toPlainString() + " a week is over the threshold of "
                    + weeklyThreshold.toPlainString());
        }
        return reasons;
    }
}
