package uk.gov.bristol.alp.panel.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.gov.bristol.alp.panel.domain.Decision;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.domain.ReferralContent.AgreedPlacement;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.event.Topics;
import uk.gov.bristol.alp.platform.outbox.Outbox;

/** Referral and decision events into the outbox, keyed by referral id. */
@ApplicationScoped
public class PanelEvents {
    private final Outbox outbox;

    public PanelEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void submitted(Referral r) {
        outbox.publish(Topics.PANEL, EventTypes.REFERRAL_SUBMITTED, r.id.toString(),
                new ReferralSubmitted(r.id, r.schoolUrn, r.requested.name(), r.fairAccess, r.submittedAt));
    }

    /** Only an approved placement carries the pupil's identity: the placement service needs it, no one else. */
    public void decided(Referral r, Decision d) {
        boolean placement = d.outcome == Decision.Outcome.APPROVE_PLACEMENT;
        PupilIdentity pupil = placement ? new PupilIdentity(r.pupil.upn(), r.pupil.firstName(), r.pupil.lastName(),
                r.pupil.dateOfBirth(), r.pupil.senProvision()) : null;
        outbox.publish(Topics.PANEL, EventTypes.PANEL_DECISION_MADE, r.id.toString(),
                new PanelDecisionMade(d.id, r.id, d.outcome.name(), r.schoolUrn, d.rationale, d.decidedAt, d.decidedBy,
                        pupil, placement ? d.placement : null));
    }

    public record ReferralSubmitted(UUID referralId, String schoolUrn, String requested, boolean fairAccess,
            OffsetDateTime submittedAt) {
    }

    public record PupilIdentity(String upn, String firstName, String lastName, LocalDate dateOfBirth,
            SenProvision senProvision) {
    }

    public record PanelDecisionMade(UUID decisionId, UUID referralId, String outcome, String schoolUrn,
            String rationale, OffsetDateTime decidedAt, String decidedBy, PupilIdentity pupil,
            AgreedPlacement placement) {
    }
}
