package uk.gov.bristol.alp.panel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.panel.domain.Decision;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.domain.ReferralContent;
import uk.gov.bristol.alp.panel.event.PanelEvents;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;

/** Submitting referrals and recording the panel's decisions. */
@ApplicationScoped
public class ReferralService {
    private final PanelEvents events;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public ReferralService(PanelEvents events, Caller caller, AuditLog audit, Clock clock) {
        this.events = events;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Referral submit(NewReferral request) {
        caller.requireActingFor(request.schoolUrn(), "schoolUrn");
        Referral.requireSubmittable(request.graduatedResponse(), request.safeguarding());
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.schoolUrn = request.schoolUrn();
        r.pupil = request.pupil();
        r.reason = request.reason();
        r.requested = request.requested();
        r.fairAccess = request.fairAccess();
        r.graduatedResponse = request.graduatedResponse();
        r.safeguarding = request.safeguarding();
        r.status = Referral.Status.SUBMITTED;
        r.submittedBy = caller.username();
        r.submittedAt = OffsetDateTime.now(clock);
        r.persist();
        audit.record(AuditLog.Action.CREATE, "referral", r.id);
        events.submitted(r);
        return r;
    }

    @Transactional
    public Referral read(UUID id) {
        Referral r = visible(id);
        audit.record(AuditLog.Action.READ, "referral", id);
        return r;
    }

    @Transactional
    public Decision decide(UUID referralId, NewDecision request) {
        Referral r = visible(referralId);
        if (r.status == Referral.Status.DECIDED || Decision.count("referralId", referralId) > 0) {
            throw new ProblemException(Decision.ALREADY_DECIDED, "referral " + referralId + " is already decided");
        }
        Decision.requirePlacementTerms(request.outcome(), request.placement());
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.referralId = referralId;
        d.outcome = request.outcome();
        d.rationale = request.rationale();
        d.membersPresent = request.membersPresent();
        d.placement = request.outcome() == Decision.Outcome.APPROVE_PLACEMENT ? request.placement() : null;
        d.decidedBy = caller.username();
        d.decidedAt = OffsetDateTime.now(clock);
        d.persist();
        r.status = Referral.Status.DECIDED;
        audit.record(AuditLog.Action.UPDATE, "referral", referralId);
        events.decided(r, d);
        return d;
    }

    private Referral visible(UUID id) {
        Referral r = Referral.findById(id);
        if (r == null || !caller.canSeeSchool(r.schoolUrn)) {
            throw ProblemException.notFound("referral", id);
        }
        return r;
    }

    public record NewReferral(String schoolUrn, ReferralContent.PupilDetails pupil, String reason,
            ReferralContent.Requested requested, boolean fairAccess, List<ReferralContent.Intervention> graduatedResponse,
            ReferralContent.Safeguarding safeguarding) {
    }

    public record NewDecision(Decision.Outcome outcome, String rationale, List<String> membersPresent,
            ReferralContent.AgreedPlacement placement) {
    }
}
