package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Placement;

/**
 * Finance's funding clock, as the Hub sees it: a placement whose commitment waits for approval past its target is on
 * the attention list (FUNDING_APPROVAL_OVERDUE) until finance approves it.
 */
@ApplicationScoped
public class FundingClock {

    @Transactional(Transactional.TxType.MANDATORY)
    public void overdue(UUID placementId, UUID commitmentId, OffsetDateTime dueBy) {
        Placement p = Placement.findById(placementId);
        if (p != null) {
            p.fundingDueBy = dueBy;
            p.fundingOverdueCommitment = commitmentId;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(UUID placementId, UUID commitmentId) {
        Placement p = Placement.findById(placementId);
        if (p != null && (p.fundingOverdueCommitment == null || p.fundingOverdueCommitment.equals(commitmentId))) {
            p.fundingDueBy = null;
            p.fundingOverdueCommitment = null;
        }
    }
}
