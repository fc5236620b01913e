package uk.gov.bristol.alp.panel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.gov.bristol.alp.panel.domain.AgendaItem;
import uk.gov.bristol.alp.panel.domain.Decision;
import uk.gov.bristol.alp.panel.domain.HighCostProtocol;
import uk.gov.bristol.alp.panel.domain.PanelMeeting;
import uk.gov.bristol.alp.panel.domain.PanelRules;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.domain.ReferralContent;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;

/**
 * The chair records the panel's decisions at a meeting. The first decision on a referral needs it on that
 * meeting's agenda; any later one supersedes the current decision by naming it and why (after a deferral
 * the next decision supersedes the deferral of itself).
 */
@ApplicationScoped
public class DecisionService {

    private final ReferralService referrals;
    private final HighCostProtocol highCost;
    private final PanelEvents events;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public DecisionService(
            ReferralService referrals,
            HighCostProtocol highCost,
            PanelEvents events,
            Caller caller,
            AuditLog audit,
            Clock clock) {
        this.referrals = referrals;
        this.highCost = highCost;
        this.events = events;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Decision decide(UUID referralId, NewDecision request) {
        Referral r = referrals.visibleForUpdate(referralId);
        PanelMeeting meeting = PanelMeeting.findById(request.meetingId());
        if (meeting == null) {
            throw new ProblemException(
                    PanelRules.UNKNOWN_PANEL_MEETING,
                    "panel meeting " + request.meetingId() + " was not found",
                    List.of(new FieldError("meetingId", "exists", "no such meeting")));
        }
        meeting.requireQuorate(request.membersPresent());
        Decision.requireTerms(request.outcome(), request.placement(), request.nextSteps());
        Optional<Decision> current = Decision.current(referralId);
        Decision d = new Decision();
        if (current.isEmpty() || current.get().outcome == Decision.Outcome.DEFER) {
            requireOnAgenda(r, meeting);
            if (request.supersedes() != null
                    && current.map(c -> !c.id.equals(request.supersedes())).orElse(true)) {
                throw new ProblemException(
                        PanelRules.DECISION_SUPERSEDE_TARGET,
                        "supersedes names " + request.supersedes() + ", which is not this referral's current decision");
            }
            d.supersedesId = current.map(c -> c.id).orElse(null);
            d.supersedeReason = current.isPresent() ? "decided after deferral" : null;
        } else {
            requireSupersedes(current.get(), request);
            d.supersedesId = current.get().id;
            d.supersedeReason = request.supersedeReason().strip();
            if (!AgendaItem.onAgenda(meeting.id, r.id)) {
                AgendaItem.add(meeting.id, r.id, OffsetDateTime.now(clock));
            }
        }
        d.id = UUID.randomUUID();
        d.referralId = referralId;
        d.meetingId = meeting.id;
        d.outcome = request.outcome();
        d.rationale = request.rationale();
        d.membersPresent = request.membersPresent();
        d.placement = request.outcome() == Decision.Outcome.APPROVE_PLACEMENT ? request.placement() : null;
        d.nextSteps = request.nextSteps();
        d.financeApprovalReasons = highCost.reasons(d.outcome, r.pupil, d.placement);
        d.needsFinanceApproval = !d.financeApprovalReasons.isEmpty();
        d.decidedBy = caller.username();
        d.decidedAt = OffsetDateTime.now(clock);
        d.persist();
        // A deferral sends the referral back to wait for a later agenda.
        r.status = d.outcome == Decision.Outcome.DEFER ? Referral.Status.SUBMITTED : Referral.Status.DECIDED;
        audit.record(
                AuditLog.Action.UPDATE,
                "referral",
                referralId,
                "decision " + d.outcome
                        + (d.supersedesId == null ? "" : ", superseding " + d.supersedesId + ": " + d.supersedeReason));
        events.decided(r, d);
        return d;
    }

    @Transactional
    public List<Decision> chain(UUID referralId) {
        referrals.read(referralId);
        return Decision.chain(referralId);
    }

    private static void requireOnAgenda(Referral r, PanelMeeting meeting) {
        if (r.status != Referral.Status.SCHEDULED || !AgendaItem.onAgenda(meeting.id, r.id)) {
            throw new ProblemException(
                    PanelRules.REFERRAL_NOT_ON_AGENDA,
                    "referral " + r.id + " is " + r.status + " and not on the agenda of the meeting on "
                            + meeting.meetingDate);
        }
    }

    private static void requireSupersedes(Decision current, NewDecision request) {
        if (request.supersedes() == null) {
            throw new ProblemException(
                    PanelRules.REFERRAL_ALREADY_DECIDED,
                    "the referral's current decision is " + current.id + " (" + current.outcome
                            + "); name it in supersedes, with supersedeReason",
                    List.of(new FieldError("supersedes", "required", "must name decision " + current.id)));
        }
        if (!request.supersedes().equals(current.id)) {
            throw new ProblemException(
                    PanelRules.DECISION_SUPERSEDE_TARGET,
                    "supersedes names " + request.supersedes() + " but the current decision is " + current.id);
        }
        if (request.supersedeReason() == null || request.supersedeReason().isBlank()) {
            throw new ProblemException(
                    PanelRules.DECISION_TERMS,
                    "say why the decision is superseded",
                    List.of(new FieldError(
                            "supersedeReason", "required", "say why the earlier decision no longer stands")));
        }
    }

    public record NewDecision(
            UUID meetingId,
            Decision.Outcome outcome,
            String rationale,
            List<String> membersPresent,
            ReferralContent.AgreedPlacement placement,
            String nextSteps,
            UUID supersedes,
            String supersedeReason) {}
}
