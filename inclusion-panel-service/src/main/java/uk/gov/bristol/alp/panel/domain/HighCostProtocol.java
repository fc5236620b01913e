package uk.gov.bristol.alp.panel.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.bristol.alp.panel.domain.ReferralContent.AgreedPlacement;
import uk.gov.bristol.alp.panel.domain.ReferralContent.PupilDetails;

/**
 * Which approved placements need a finance officer's approval before they count (DOMAIN.md: High Needs and
 * high-cost placements follow their protocol): a pupil with an EHC plan, or an estimated weekly cost over the
 * configured threshold. The reasons are listed so finance sees why.
 */
@ApplicationScoped
public class HighCostProtocol {
    private final BigDecimal weeklyThreshold;

    public HighCostProtocol(@ConfigProperty(name = "alp.panel.high-cost-weekly-threshold") BigDecimal weeklyThreshold) {
        this.weeklyThreshold = weeklyThreshold;
    }

    public List<String> reasons(Decision.Outcome outcome, PupilDetails pupil, AgreedPlacement placement) {
        List<String> reasons = new ArrayList<>();
        if (outcome != Decision.Outcome.APPROVE_PLACEMENT) {
            return reasons;
        }
        if (pupil != null && pupil.hasEhcPlan()) {
            reasons.add("SEND protocol: the pupil has an EHC plan");
        }
        BigDecimal weekly = placement.estimatedWeeklyCost();
        if (weekly != null && weekly.compareTo(weeklyThreshold) > 0) {
            reasons.add("high cost: estimated " + weekly.toPlainString() + " a week is over the threshold of "
                    + weeklyThreshold.toPlainString());
        }
        return reasons;
    }
}
