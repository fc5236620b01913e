package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.config.PlacementConfig;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementOffer;
import uk.gov.bristol.alp.placement.domain.PlacementRules;
import uk.gov.bristol.alp.placement.domain.PlacementStep;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.placement.domain.Timetable;
import uk.gov.bristol.alp.placement.domain.TransitionPlan;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.RequiredFields;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Versions;

/**
 * A placement's life after it is proposed or commissioned: proposed -> confirmed -> active -> ended, or
 * cancelled before it is active; its timetable revised from a date. Every step is kept (who, when, why) and
 * published, so finance follows the money.
 */
@ApplicationScoped
public class PlacementLifecycle {

    private final PlacementEvents events;
    private final PlacementOffers offers;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;
    private final BigDecimal fullTimeThreshold;

    public PlacementLifecycle(
            PlacementEvents events,
            PlacementOffers offers,
            Caller caller,
            AuditLog audit,
            Clock clock,
            PlacementConfig config) {
        this.events = events;
        this.offers = offers;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.fullTimeThreshold = config.fullTimeHoursThreshold();
    }

    /**
     * The Hub confirms a proposal (from a panel decision) once its provider has accepted the offer and is approved
     * and compliant.
     */
    @Transactional
    public Placement confirm(UUID id, String ifMatch, String note) {
        Placement p = forUpdate(id, ifMatch);
        requireStatus(p, "confirm", Placement.Status.PROPOSED);
        PlacementOffer.openFor(p.id)
                .filter(o -> o.answer == PlacementOffer.Answer.ACCEPTED)
                .orElseThrow(() -> new ProblemException(
                        PlacementRules.OFFER_NOT_ACCEPTED,
                        PlacementOffer.latestFor(p.id)
                                .map(o -> "the offer to the provider is " + o.answer)
                                .orElse("the placement was never offered to its provider")));
        Pupil.lockForSafetyRules(p.pupilId);
        ProviderView provider = ProviderView.findById(p.providerId);
        PlacementRules.requireApprovedProvider(provider, p.startDate);
        PlacementRules.requireUnderThresholdAtUnregistered(
                provider,
                p.hoursPerWeek.add(Placement.hoursAt(p.pupilId, p.providerId, p.startDate, p.plannedEndDate, p.id)),
                fullTimeThreshold);
        return step(p, Placement.Status.CONFIRMED, "confirmed", note, EventTypes.PLACEMENT_CONFIRMED, null);
    }

    /** The pupil has started at the provider. */
    @Transactional
    public Placement activate(UUID id, String ifMatch) {
        Placement p = forUpdate(id, ifMatch);
        requireStatus(p, "start", Placement.Status.CONFIRMED);
        if (LocalDate.now(clock).isBefore(p.startDate)) {
            throw new ProblemException(PlacementRules.DATE_OUTSIDE_PLACEMENT, "the placement starts on " + p.startDate);
        }
        return step(p, Placement.Status.ACTIVE, "started", null, null, null);
    }

    /**
     * A new weekly timetable from {@code effectiveFrom} (and, if given, a new planned end). Hours are computed from
     * it, never typed; a school's placement stays part time; at an unregistered provider under the threshold.
     */
    @Transactional
    public Placement revise(
            UUID id,
            String ifMatch,
            Timetable timetable,
            LocalDate effectiveFrom,
            LocalDate plannedEnd,
            String reason) {
        Placement p = forUpdate(id, ifMatch);
        PlacementRules.requireHubForHubArranged(p, caller.hasRole(Roles.HUB_OFFICER), "revise");
        requireStatus(p, "revise", Placement.Status.PROPOSED, Placement.Status.CONFIRMED, Placement.Status.ACTIVE);
        Pupil.lockForSafetyRules(p.pupilId);
        PlacementRules.requireValidTimetable(timetable);
        BigDecimal hours = timetable.hoursPerWeek();
        if (p.route == Placement.Route.SCHOOL_PART_TIME) {
            PlacementRules.requirePanelDecisionForFullTime(hours, fullTimeThreshold);
        }
        LocalDate end = plannedEnd != null ? plannedEnd : p.plannedEndDate;
        PlacementRules.requireNoClash(timetable, Placement.holdingTime(p.pupilId, effectiveFrom, end, p.id));
        PlacementRules.requireUnderThresholdAtUnregistered(
                ProviderView.findById(p.providerId),
                hours.add(Placement.hoursAt(p.pupilId, p.providerId, effectiveFrom, end, p.id)),
                fullTimeThreshold);
        requireWithin(effectiveFrom, p.startDate, end, "effectiveFrom");
        String what = "timetable from " + effectiveFrom + ": " + p.hoursPerWeek + " -> " + hours + " h a week"
                + (end.equals(p.plannedEndDate) ? "" : ", planned end " + p.plannedEndDate + " -> " + end);
        p.timetable = timetable;
        p.hoursPerWeek = hours;
        p.plannedEndDate = end;
        return step(p, p.status, what, reason, EventTypes.PLACEMENT_REVISED, effectiveFrom);
    }

    /** Ends the placement on its last day; refused without a transition plan (docs/domain-rules.md: ending). */
    @Transactional
    public Placement end(
            UUID id, String ifMatch, LocalDate lastDay, Placement.Outcome outcome, String reason, TransitionPlan plan) {
        Placement p = forUpdate(id, ifMatch);
        PlacementRules.requireHubForHubArranged(p, caller.hasRole(Roles.HUB_OFFICER), "end");
        requireStatus(p, "end", Placement.Status.CONFIRMED, Placement.Status.ACTIVE);
        RequiredFields missing = new RequiredFields();
        if (plan == null) {
            missing.add("transitionPlan", "required", "say where the pupil goes next and how");
        } else {
            missing.require(plan.destination(), "transitionPlan.destination", "say where the pupil goes next")
                    .require(plan.plan(), "transitionPlan.plan", "describe the transition")
                    .require(
                            plan.strategiesShared(),
                            "transitionPlan.strategiesShared",
                            "say which of the provider's strategies were shared with the school");
        }
        missing.throwIfAny(PlacementRules.TRANSITION_PLAN_REQUIRED, "the transition plan is incomplete");
        requireWithin(lastDay, p.startDate, p.plannedEndDate, "endDate");
        p.endDate = lastDay;
        p.endReason = reason;
        p.outcome = outcome;
        p.transitionPlan = plan;
        return step(
                p,
                Placement.Status.ENDED,
                "ended on " + lastDay + " (" + outcome + ", to " + plan.destination() + ")",
                reason,
                EventTypes.PLACEMENT_ENDED,
                null);
    }

    /** Cancels a placement that has not started. One that has started is ended, with a transition plan. */
    @Transactional
    public Placement cancel(UUID id, String ifMatch, String reason) {
        Placement p = forUpdate(id, ifMatch);
        PlacementRules.requireHubForHubArranged(p, caller.hasRole(Roles.HUB_OFFICER), "cancel");
        requireStatus(p, "cancel", Placement.Status.PROPOSED, Placement.Status.CONFIRMED);
        offers.withdrawOpen(p, caller.username(), "the placement was cancelled");
        return step(p, Placement.Status.CANCELLED, "cancelled", reason, EventTypes.PLACEMENT_CANCELLED, null);
    }

    @Transactional
    public List<PlacementStep> steps(UUID id) {
        Placement.findVisible(id, caller);
        return PlacementStep.of(id);
    }

    private Placement step(
            Placement p, Placement.Status to, String what, String reason, String eventType, LocalDate effectiveFrom) {
        PlacementStep.record(p, to, what, reason, caller.username(), OffsetDateTime.now(clock));
        p.status = to;
        audit.record(AuditLog.Action.UPDATE, "placement", p.id, what + (reason == null ? "" : ": " + reason));
        if (eventType != null) {
            events.publish(eventType, p, Pupil.<Pupil>findById(p.pupilId), effectiveFrom);
        }
        return p;
    }

    private Placement forUpdate(UUID id, String ifMatch) {
        Placement p = Placement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !caller.canSeeSchool(p.schoolUrn)) {
            throw ProblemException.notFound("placement", id);
        }
        Versions.checkIfMatch(ifMatch, p.version);
        return p;
    }

    private static void requireStatus(Placement p, String action, Placement.Status... allowed) {
        if (!List.of(allowed).contains(p.status)) {
            throw new ProblemException(
                    PlacementRules.PLACEMENT_STATUS,
                    "cannot " + action + " a placement that is " + p.status + " (allowed when " + List.of(allowed)
                            + ")");
        }
    }

    private static void requireWithin(LocalDate day, LocalDate from, LocalDate to, String field) {
        if (day.isBefore(from) || day.isAfter(to)) {
            throw new ProblemException(
                    PlacementRules.DATE_OUTSIDE_PLACEMENT,
                    field + " " + day + " is outside " + from + " to " + to,
                    List.of(new FieldError(field, "withinPlacement", "must be from " + from + " to " + to)));
        }
    }
}
