package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.bristol.alp.placement.config.PlacementConfig;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementOffer;
import uk.gov.bristol.alp.placement.domain.PlacementRules;
import uk.gov.bristol.alp.placement.domain.PlacementStep;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Versions;

/**
 * Offers of proposed placements to providers (docs/domain-rules.md, "Offers"): a proposal is offered to its provider
 * when it is made; the provider accepts (with the day it can start) or declines (with its reason) within its
 * response timescale; a decline returns the proposal to the Hub, which offers it to another provider; the Hub
 * confirms only an accepted offer ({@link PlacementLifecycle#confirm}). The Hub may record a provider's answer given
 * by telephone; who recorded it is kept.
 */
@ApplicationScoped
public class PlacementOffers {
    private final PlacementEvents events;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;
    private final int defaultTimescaleDays;

    public PlacementOffers(PlacementEvents events, Caller caller, AuditLog audit, Clock clock, PlacementConfig config) {
        this.events = events;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.defaultTimescaleDays = config.offerResponseDays();
    }

    /** Offers a proposal just made to its provider (in the transaction that made it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlacementOffer offerNew(Placement p, String by) {
        return offer(p, by);
    }

    /** The provider (or the Hub, for it) accepts, saying the day it can start; the proposal's start moves to it. */
    @Transactional
    public Placement accept(UUID placementId, String ifMatch, LocalDate startDate, String note) {
        Placement p = forAnswer(placementId, ifMatch);
        PlacementOffer offer = awaiting(p);
        LocalDate today = LocalDate.now(clock);
        if (startDate.isBefore(today) || startDate.isAfter(p.plannedEndDate)) {
            throw new ProblemException(
                    PlacementRules.DATE_OUTSIDE_PLACEMENT,
                    "the start date " + startDate + " must be from today (" + today + ") to the planned end "
                            + p.plannedEndDate,
                    List.of(new FieldError(
                            "startDate", "withinPlacement", "must be from " + today + " to " + p.plannedEndDate)));
        }
        offer.answer(PlacementOffer.Answer.ACCEPTED, caller.username(), now().toOffsetDateTime(), startDate, note);
        String what = "offer accepted by the provider"
                + (startDate.equals(p.startDate) ? "" : ", start " + p.startDate + " -> " + startDate);
        p.startDate = startDate;
        step(p, what, note);
        return p;
    }

    /** The provider (or the Hub, for it) declines, saying why: the proposal goes back to the Hub's attention list. */
    @Transactional
    public Placement decline(UUID placementId, String ifMatch, String reason) {
        Placement p = forAnswer(placementId, ifMatch);
        PlacementOffer offer = awaiting(p);
        offer.answer(PlacementOffer.Answer.DECLINED, caller.username(), now().toOffsetDateTime(), null, reason);
        step(p, "offer declined by the provider", reason);
        return p;
    }

    /**
     * The Hub offers a proposal to a provider: another one after a decline, or in place of one that has not answered
     * or has accepted (that offer is withdrawn). The provider must be approved on the framework; it is told as for
     * any proposal (the proposal is published again, naming it).
     */
    @Transactional
    public Placement offerElsewhere(UUID placementId, String ifMatch, UUID providerId, String note) {
        if (!caller.hasRole(Roles.HUB_OFFICER)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the ALP Hub offers a placement to a provider");
        }
        Placement p = Placement.findById(placementId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("placement", placementId);
        }
        Versions.checkIfMatch(ifMatch, p.version);
        if (p.status != Placement.Status.PROPOSED) {
            throw new ProblemException(
                    PlacementRules.OFFER_STATUS, "the placement is " + p.status + ": only a proposal is offered");
        }
        ProviderView provider = ProviderView.findById(providerId);
        PlacementRules.requireApprovedProvider(provider, p.startDate);
        withdrawOpen(p, caller.username(), "offered to " + provider.name + " instead");
        p.providerId = providerId;
        p.takeApSettingFrom(provider);
        offer(p, caller.username());
        step(p, "offered to " + provider.name, note);
        events.publish(EventTypes.PLACEMENT_PROPOSED, p, Pupil.<Pupil>findById(p.pupilId), null);
        return p;
    }

    /**
     * A proposal's open offer is withdrawn: the proposal was cancelled or superseded, or offered elsewhere. Once the
     * placement is confirmed, its accepted offer stays as answered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawOpen(Placement p, String by, String why) {
        if (p.status != Placement.Status.PROPOSED) {
            return;
        }
        PlacementOffer.openFor(p.id)
                .ifPresent(o -> o.answer(PlacementOffer.Answer.WITHDRAWN, by, now().toOffsetDateTime(), null, why));
    }

    /** Every offer of a placement the caller may see, oldest first. */
    @Transactional
    public List<PlacementOffer> of(UUID placementId) {
        Placement.findVisible(placementId, caller);
        return PlacementOffer.of(placementId);
    }

    /** Offers the caller may see (the Hub all, a provider those made to it, a school its pupils'), newest first. */
    @Transactional
    public Page<PlacementOffer> list(
            PlacementOffer.Answer answer, UUID providerId, Boolean overdue, int page, int size) {
        Criteria criteria = CallerScope.restrict(
                new Criteria(), caller, "placementId in (select p.id from Placement p where p.schoolUrn = :ownSchool)");
        criteria.equal("answer", answer).equal("providerId", providerId);
        if (overdue != null) {
            criteria.always(
                    (overdue ? "" : "not ") + "(answer = :awaiting and respondBy < :now)",
                    Map.of("awaiting", PlacementOffer.Answer.AWAITING, "now", now().toOffsetDateTime()));
        }
        Page<PlacementOffer> found = Page.of(
                PlacementOffer.<PlacementOffer>find(criteria.orderedBy("offeredAt desc, id"), criteria.parameters()),
                page,
                size);
        audit.record(AuditLog.Action.READ, "placement-offer-list", answer == null ? "all" : answer.name());
        return found;
    }

    private PlacementOffer offer(Placement p, String by) {
        ProviderView provider = ProviderView.findById(p.providerId);
        int days = provider != null && provider.responseTimescaleDays != null
                ? provider.responseTimescaleDays
                : defaultTimescaleDays;
        PlacementOffer offer = PlacementOffer.make(p.id, p.providerId, days, by, now());
        offer.persist();
        audit.record(AuditLog.Action.CREATE, "placement-offer", offer.id, "to provider " + p.providerId);
        return offer;
    }

    /** The placement, locked, if the caller answers for its provider (its own staff, or the Hub). */
    private Placement forAnswer(UUID placementId, String ifMatch) {
        Placement p = Placement.findById(placementId, LockModeType.PESSIMISTIC_WRITE);
        boolean answersForIt =
                p != null && (caller.hasRole(Roles.HUB_OFFICER) || caller.actsForProvider(p.providerId.toString()));
        if (!answersForIt) {
            throw ProblemException.notFound("placement", placementId);
        }
        Versions.checkIfMatch(ifMatch, p.version);
        return p;
    }

    private static PlacementOffer awaiting(Placement p) {
        return PlacementOffer.openFor(p.id)
                .filter(o -> p.status == Placement.Status.PROPOSED && o.answer == PlacementOffer.Answer.AWAITING)
                .orElseThrow(() -> new ProblemException(
                        PlacementRules.OFFER_STATUS,
                        "no offer of this placement awaits an answer (the placement is " + p.status + ")"));
    }

    private void step(Placement p, String what, String reason) {
        PlacementStep.record(p, p.status, what, reason, caller.username(), now().toOffsetDateTime());
        audit.record(AuditLog.Action.UPDATE, "placement", p.id, what + (reason == null ? "" : ": " + reason));
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }
}
