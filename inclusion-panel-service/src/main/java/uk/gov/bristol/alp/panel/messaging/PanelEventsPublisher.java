package uk.gov.bristol.alp.panel.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.bristol.alp.panel.contract.PanelTopic.PanelDecisionMade;
import uk.gov.bristol.alp.panel.contract.PanelTopic.PupilIdentity;
import uk.gov.bristol.alp.panel.contract.PanelTopic.ReferralReturned;
import uk.gov.bristol.alp.panel.contract.PanelTopic.ReferralSubmitted;
import uk.gov.bristol.alp.panel.domain.Decision;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.domain.ReferralContent.PupilDetails;
import uk.gov.bristol.alp.panel.domain.ReferralContent.ReturnNote;
import uk.gov.bristol.alp.panel.service.PanelEvents;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.event.Topics;
import uk.gov.bristol.alp.platform.outbox.Outbox;

/** Referral and decision events into the outbox, keyed by referral id (so they stay in order per referral). */
@ApplicationScoped
public class PanelEventsPublisher implements PanelEvents {
    private final Outbox outbox;

    public PanelEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void submitted(Referral r, boolean resubmission) {
        outbox.publish(
                Topics.PANEL,
                EventTypes.REFERRAL_SUBMITTED,
                r.id.toString(),
                new ReferralSubmitted(
                        r.id,
                        r.schoolUrn,
                        r.requested.name(),
                        r.fairAccess,
                        r.fairAccessSince,
                        resubmission,
                        r.submittedAt));
    }

    @Override
    public void returned(Referral r, ReturnNote note) {
        outbox.publish(
                Topics.PANEL,
                EventTypes.REFERRAL_RETURNED,
                r.id.toString(),
                new ReferralReturned(r.id, r.schoolUrn, note.reason(), note.returnedBy(), note.returnedAt()));
    }

    /**
     * Only an approved placement and a referral to the SEND team carry the pupil's identity: the placement service
     * needs it (to propose the placement, or to record the EHC needs assessment request), no one else.
     */
    @Override
    public void decided(Referral r, Decision d) {
        boolean placement = d.outcome == Decision.Outcome.APPROVE_PLACEMENT;
        boolean identified = placement || d.outcome == Decision.Outcome.REFER_TO_SEND;
        outbox.publish(
                Topics.PANEL,
                EventTypes.PANEL_DECISION_MADE,
                r.id.toString(),
                new PanelDecisionMade(
                        d.id,
                        r.id,
                        d.meetingId,
                        d.outcome.name(),
                        r.schoolUrn,
                        d.rationale,
                        d.nextSteps,
                        d.supersedesId,
                        d.supersedeReason,
                        d.needsFinanceApproval,
                        d.financeApprovalReasons,
                        d.decidedAt,
                        d.decidedBy,
                        identified ? identity(r.pupil) : null,
                        placement ? d.placement : null));
    }

    private static PupilIdentity identity(PupilDetails p) {
        return new PupilIdentity(
                p.upn(),
                p.firstName(),
                p.lastName(),
                p.dateOfBirth(),
                p.senProvision(),
                p.hasEhcPlan(),
                p.lookedAfter(),
                p.freeSchoolMeals(),
                p.ethnicity(),
                p.sex());
    }
}
