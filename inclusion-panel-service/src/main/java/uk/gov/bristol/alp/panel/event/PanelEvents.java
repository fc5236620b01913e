package uk.gov.bristol.alp.panel.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.panel.domain.Decision;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.domain.ReferralContent.AgreedPlacement;
import uk.gov.bristol.alp.panel.domain.ReferralContent.PupilDetails;
import uk.gov.bristol.alp.panel.domain.ReferralContent.ReturnNote;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.event.Topics;
import uk.gov.bristol.alp.platform.outbox.Outbox;

/** Referral and decision events into the outbox, keyed by referral id (so they stay in order per referral). */
@ApplicationScoped
public class PanelEvents {
    private final Outbox outbox;

    public PanelEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void submitted(Referral r, boolean resubmission) {
        outbox.publish(Topics.PANEL, EventTypes.REFERRAL_SUBMITTED, r.id.toString(),
                new ReferralSubmitted(r.id, r.schoolUrn, r.requested.name(), r.fairAccess, r.fairAccessSince,
                        resubmission, r.submittedAt));
    }

    public void returned(Referral r, ReturnNote note) {
        outbox.publish(Topics.PANEL, EventTypes.REFERRAL_RETURNED, r.id.toString(),
                new ReferralReturned(r.id, r.schoolUrn, note.reason(), note.returnedBy(), note.returnedAt()));
    }

    /** Only an approved placement carries the pupil's identity: the placement service needs it, no one else. */
    public void decided(Referral r, Decision d) {
        boolean placement = d.outcome == Decision.Outcome.APPROVE_PLACEMENT;
        outbox.publish(Topics.PANEL, EventTypes.PANEL_DECISION_MADE, r.id.toString(),
                new PanelDecisionMade(d.id, r.id, d.meetingId, d.outcome.name(), r.schoolUrn, d.rationale,
                        d.nextSteps, d.supersedesId, d.supersedeReason, d.needsFinanceApproval,
                        d.financeApprovalReasons, d.decidedAt, d.decidedBy,
                        placement ? PupilIdentity.of(r.pupil) : null, placement ? d.placement : null));
    }

    public record ReferralSubmitted(UUID referralId, String schoolUrn, String requested, boolean fairAccess,
            LocalDate fairAccessSince, boolean resubmission, OffsetDateTime submittedAt) {
    }

    public record ReferralReturned(UUID referralId, String schoolUrn, String reason, String returnedBy,
            OffsetDateTime returnedAt) {
    }

    /** Who the placement is for, with the characteristics the authority monitors for disproportionality. */
    public record PupilIdentity(String upn, String firstName, String lastName, LocalDate dateOfBirth,
            SenProvision senProvision, boolean ehcPlan, Boolean lookedAfter, Boolean freeSchoolMeals,
            Ethnicity ethnicity, Sex sex) {
        static PupilIdentity of(PupilDetails p) {
            return new PupilIdentity(p.upn(), p.firstName(), p.lastName(), p.dateOfBirth(), p.senProvision(),
                    p.hasEhcPlan(), p.lookedAfter(), p.freeSchoolMeals(), p.ethnicity(), p.sex());
        }
    }

    public record PanelDecisionMade(UUID decisionId, UUID referralId, UUID meetingId, String outcome, String schoolUrn,
            String rationale, String nextSteps, UUID supersedesDecisionId, String supersedeReason,
            boolean needsFinanceApproval, List<String> financeApprovalReasons, OffsetDateTime decidedAt,
            String decidedBy, PupilIdentity pupil, AgreedPlacement placement) {
    }
}
