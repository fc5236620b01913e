package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.config.PlacementConfig;
import uk.gov.bristol.alp.placement.domain.CostCodeView;
import uk.gov.bristol.alp.placement.domain.EhcNeedsAssessment;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementRules;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.placement.domain.SchoolCheck;
import uk.gov.bristol.alp.placement.domain.Timetable;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.PlacementReason;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Versions;

/** Commissioning placements: by a school (part time), or proposed from an Inclusion Panel decision. */
@ApplicationScoped
public class PlacementService {

    private final PupilService pupils;
    private final PlacementEvents events;
    private final PlacementOffers offers;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;
    private final BigDecimal fullTimeThreshold;
    private final BigDecimal schoolWeekHours;

    public PlacementService(
            PupilService pupils,
            PlacementEvents events,
            PlacementOffers offers,
            Caller caller,
            AuditLog audit,
            Clock clock,
            PlacementConfig config) {
        this.pupils = pupils;
        this.events = events;
        this.offers = offers;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.fullTimeThreshold = config.fullTimeHoursThreshold();
        this.schoolWeekHours = config.schoolWeekHours();
    }

    /**
     * A school (or the ALP Hub) commissions a part-time placement. It is confirmed at once: the rules
     * below are the checks a confirmation needs, and finance commits its cost from the event.
     */
    @Transactional
    public Placement commission(NewPlacement request) {
        Pupil pupil = pupils.visible(request.pupilId());
        Pupil.lockForSafetyRules(pupil.id);
        boolean schoolCommissions = caller.hasRole(Roles.SCHOOL_STAFF)
                && !caller.hasRole(Roles.HUB_OFFICER)
                && !caller.hasRole(Roles.SEND_OFFICER);
        PlacementRules.requireNoRateFromSchool(request.hourlyRate(), schoolCommissions);
        boolean sendCommissions = caller.hasRole(Roles.SEND_OFFICER) && !caller.hasRole(Roles.HUB_OFFICER);
        PlacementRules.requireEmergencyReasonForSend(sendCommissions, request.emergencyReason());
        PlacementRules.requireEhcPlanForEhcReason(request.reasonCode(), pupil);
        PlacementRules.requireValidTimetable(request.timetable());
        BigDecimal hours = request.timetable().hoursPerWeek();
        PlacementRules.requirePanelDecisionForFullTime(hours, fullTimeThreshold);
        PlacementRules.requireNoClash(
                request.timetable(),
                Placement.holdingTime(pupil.id, request.startDate(), request.plannedEndDate(), null));
        ProviderView provider = ProviderView.findById(request.providerId());
        boolean offFramework = PlacementRules.requireApprovedOrSchoolChecked(
                provider,
                request.startDate(),
                schoolCommissions,
                SchoolCheck.current(pupil.schoolUrn, request.providerId()));
        PlacementRules.requireActiveCostCode(
                request.costCode(), request.costCode() == null ? null : CostCodeView.findById(request.costCode()));
        PlacementRules.requireUnderThresholdAtUnregistered(
                provider,
                hours.add(Placement.hoursAt(
                        pupil.id, request.providerId(), request.startDate(), request.plannedEndDate(), null)),
                fullTimeThreshold);

        Placement placement = newPlacement(
                pupil,
                request.providerId(),
                request.reason(),
                request.timetable(),
                hours,
                request.startDate(),
                request.plannedEndDate());
        placement.commissioner = caller.hasRole(Roles.HUB_OFFICER)
                ? Placement.Commissioner.ALP_HUB
                : caller.hasRole(Roles.SEND_OFFICER) ? Placement.Commissioner.SEND : Placement.Commissioner.SCHOOL;
        placement.reasonCode = request.reasonCode();
        placement.route = Placement.Route.SCHOOL_PART_TIME;
        placement.status = Placement.Status.CONFIRMED;
        placement.hourlyRate = request.hourlyRate();
        placement.costCode = request.costCode();
        placement.offFramework = offFramework;
        if (sendCommissions) {
            // Reported to the Hub: on its attention list (SEND_EMERGENCY) until a Hub officer records the review.
            placement.emergencyReason = request.emergencyReason();
        }
        placement.createdBy = caller.username();
        placement.persist();
        audit.record(AuditLog.Action.CREATE, "placement", placement.id, offFramework ? "off the framework" : null);
        events.publish(EventTypes.PLACEMENT_CONFIRMED, placement, pupil);
        return placement;
    }

    /**
     * From a panel decision: the referring school's record of the pupil (found by UPN, or recorded from the
     * referral) gets a proposed placement; another school's record of the same UPN is never touched.
     */
    @Transactional
    public Placement proposeFromDecision(PanelProposal proposal) {
        Pupil pupil = pupilFromDecision(proposal.schoolUrn(), proposal.pupil());
        Placement placement = newPlacement(
                pupil,
                proposal.providerId(),
                "Inclusion Panel decision " + proposal.decisionId(),
                new Timetable(List.of()),
                proposal.hoursPerWeek(),
                proposal.startDate(),
                proposal.plannedEndDate());
        placement.commissioner = Placement.Commissioner.ALP_HUB;
        placement.route = Placement.Route.PANEL_DECISION;
        placement.status = Placement.Status.PROPOSED;
        placement.decisionId = proposal.decisionId();
        placement.createdBy = "inclusion-panel";
        placement.persist();
        audit.record(AuditLog.Action.CREATE, "placement", placement.id);
        offers.offerNew(placement, placement.createdBy);
        events.publish(EventTypes.PLACEMENT_PROPOSED, placement, pupil);
        return placement;
    }

    /**
     * The panel referred the pupil to the SEND team: an EHC needs assessment is requested on the pupil's record (as
     * of the decision's date), so its statutory clock runs, finance may fund before the plan, and the
     * disproportionality report counts it. An assessment already under way or decided is left as it is.
     */
    @Transactional
    public Pupil referToSend(String schoolUrn, PupilIdentity identity, LocalDate decidedOn) {
        Pupil pupil = pupilFromDecision(schoolUrn, identity);
        if (pupil.ehcNeedsAssessment == null && !pupil.hasEhcPlan()) {
            pupil.ehcNeedsAssessment = EhcNeedsAssessment.of(
                    decidedOn, EhcNeedsAssessment.Status.REQUESTED, "inclusion-panel", OffsetDateTime.now(clock));
            audit.record(AuditLog.Action.UPDATE, "pupil", pupil.id, "EHC needs assessment requested by the panel");
        }
        return pupil;
    }

    /** The pupil a panel decision is about: the school's record with that UPN, or a new one from the decision. */
    private Pupil pupilFromDecision(String schoolUrn, PupilIdentity identity) {
        return Pupil.atSchool(schoolUrn, identity.upn()).orElseGet(() -> {
            Pupil p = Pupil.of(
                    identity.upn(),
                    identity.firstName(),
                    identity.lastName(),
                    identity.dateOfBirth(),
                    schoolUrn,
                    identity.senProvision(),
                    identity.sex(),
                    identity.ethnicity(),
                    identity.lookedAfter(),
                    OffsetDateTime.now(clock));
            p.persist();
            audit.record(AuditLog.Action.CREATE, "pupil", p.id);
            return p;
        });
    }

    /**
     * A later panel decision superseded the one a proposal came from: a proposal not yet confirmed is cancelled.
     * One already confirmed or running is left as it is (the pupil may be attending) and flagged for the Hub to
     * review, which puts it on the Hub's attention list.
     */
    @Transactional
    public void withdrawSuperseded(UUID superseded, UUID by) {
        for (Placement p : Placement.<Placement>list("decisionId", superseded)) {
            if (p.status == Placement.Status.PROPOSED) {
                offers.withdrawOpen(p, "inclusion-panel", "panel decision " + superseded + " was superseded");
                p.status = Placement.Status.CANCELLED;
                audit.record(
                        AuditLog.Action.UPDATE,
                        "placement",
                        p.id,
                        "cancelled: panel decision " + superseded + " was superseded by " + by);
                events.publish(EventTypes.PLACEMENT_CANCELLED, p, Pupil.<Pupil>findById(p.pupilId));
            } else if (p.status == Placement.Status.CONFIRMED || p.status == Placement.Status.ACTIVE) {
                String why = "panel decision " + superseded + " behind it was superseded by " + by;
                p.needsReview(why, OffsetDateTime.now(clock));
                audit.record(AuditLog.Action.UPDATE, "placement", p.id, "review needed: " + why);
            }
        }
    }

    /**
     * A Hub officer records that a placement flagged for review, or commissioned by the SEND team in an emergency,
     * was reviewed, and what was decided.
     */
    @Transactional
    public Placement markReviewed(UUID id, String ifMatch, String note) {
        if (!caller.hasRole(Roles.HUB_OFFICER)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the ALP Hub records that a placement was reviewed");
        }
        Placement p = Placement.findVisible(id, caller);
        Versions.checkIfMatch(ifMatch, p.version);
        boolean emergency = p.emergencyReason != null && p.emergencyReviewedAt == null;
        if (!p.reviewNeeded && !emergency) {
            throw new ProblemException(PlacementRules.PLACEMENT_STATUS, "the placement is not flagged for review");
        }
        audit.record(
                AuditLog.Action.UPDATE,
                "placement",
                p.id,
                "reviewed (" + (p.reviewNeeded ? p.reviewReason : "SEND emergency") + "): " + note);
        p.reviewed(OffsetDateTime.now(clock));
        Placement.getEntityManager().flush();
        return p;
    }

    /**
     * The provider was suspended, removed or its compliance lapsed: every placement with it that runs (confirmed
     * or active) is flagged for review at once, for the Hub and the school to act on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flagForReview(UUID providerId, String why) {
        for (Placement p : Placement.<Placement>list(
                "providerId = ?1 and status in ?2 and reviewNeeded = false",
                providerId,
                List.of(Placement.Status.CONFIRMED, Placement.Status.ACTIVE))) {
            p.needsReview(why, OffsetDateTime.now(clock));
            audit.record(AuditLog.Action.UPDATE, "placement", p.id, "review needed: " + why);
        }
    }

    @Transactional
    public Placement read(UUID id) {
        Placement placement = Placement.findVisible(id, caller);
        audit.record(AuditLog.Action.READ, "placement", id);
        return placement;
    }

    /**
     * Placements matching the filters, within the caller's scope: authority staff see all, a school its
     * own pupils' placements, a provider its own placements.
     */
    @Transactional
    public Page<Placement> list(Filter filter, int page, int size) {
        Criteria criteria = CallerScope.restrict(new Criteria(), caller);
        criteria.equal("pupilId", filter.pupilId())
                .equal("providerId", filter.providerId())
                .equal("decisionId", filter.decisionId())
                .equal("status", filter.status())
                .equal("reviewNeeded", filter.reviewNeeded())
                .equal("offFramework", filter.offFramework());
        Page<Placement> found = Page.of(
                Placement.<Placement>find(criteria.orderedBy("createdAt desc, id"), criteria.parameters()), page, size);
        audit.record(AuditLog.Action.READ, "placement-list", filter);
        return found;
    }

    public record Filter(
            UUID pupilId,
            UUID providerId,
            UUID decisionId,
            Placement.Status status,
            Boolean reviewNeeded,
            Boolean offFramework) {}

    @Transactional
    public List<Placement> forPupil(UUID pupilId) {
        Pupil pupil = pupils.visible(pupilId);
        audit.record(AuditLog.Action.READ, "pupil-placements", pupilId);
        return Placement.list("pupilId = ?1 order by startDate", pupil.id);
    }

    /**
     * The pupil's week on a date: each placement holding their time then, its hours, and their total against the
     * school week. A part-time pupil is expected in school for the rest.
     */
    @Transactional
    public PupilWeek weekOf(UUID pupilId, LocalDate on) {
        Pupil pupil = pupils.visible(pupilId);
        audit.record(AuditLog.Action.READ, "pupil-week", pupilId);
        List<Placement> placements = Placement.holdingTime(pupil.id, on, on, null);
        BigDecimal atProviders = placements.stream().map(p -> p.hoursPerWeek).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PupilWeek(
                pupil.id,
                on,
                placements,
                atProviders,
                schoolWeekHours,
                schoolWeekHours.subtract(atProviders).max(BigDecimal.ZERO));
    }

    public record PupilWeek(
            UUID pupilId,
            LocalDate on,
            List<Placement> placements,
            BigDecimal hoursAtProviders,
            BigDecimal schoolWeekHours,
            BigDecimal hoursExpectedInSchool) {}

    private Placement newPlacement(
            Pupil pupil,
            UUID providerId,
            String reason,
            Timetable timetable,
            BigDecimal hours,
            LocalDate start,
            LocalDate plannedEnd) {
        Placement p = new Placement();
        p.id = UUID.randomUUID();
        p.pupilId = pupil.id;
        p.schoolUrn = pupil.schoolUrn;
        p.providerId = providerId;
        p.takeApSettingFrom(ProviderView.findById(providerId));
        p.reason = reason;
        p.timetable = timetable;
        p.hoursPerWeek = hours;
        p.startDate = start;
        p.plannedEndDate = plannedEnd;
        p.createdAt = OffsetDateTime.now(clock);
        return p;
    }

    /** A placement the Inclusion Panel approved, for the pupil it names (from the school's referral). */
    public record PanelProposal(
            UUID decisionId,
            String schoolUrn,
            PupilIdentity pupil,
            UUID providerId,
            BigDecimal hoursPerWeek,
            LocalDate startDate,
            LocalDate plannedEndDate) {}

    public record PupilIdentity(
            String upn,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            SenProvision senProvision,
            boolean lookedAfter,
            Ethnicity ethnicity,
            Sex sex) {}

    public record NewPlacement(
            UUID pupilId,
            UUID providerId,
            PlacementReason reasonCode,
            String reason,
            Timetable timetable,
            LocalDate startDate,
            LocalDate plannedEndDate,
            BigDecimal hourlyRate,
            String costCode,
            String emergencyReason) {}
}
