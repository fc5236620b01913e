package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.FamilyAgreement;
import uk.gov.bristol.alp.placement.domain.LearningTarget;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementContact;
import uk.gov.bristol.alp.placement.domain.PlacementReview;
import uk.gov.bristol.alp.placement.domain.PlacementRules;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.placement.domain.SafeguardingConcern;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Versions;

/**
 * While a placement runs: its learning plan (targets and progress), its reviews (at least half-termly) and the
 * contact between school and provider (at least weekly), kept by the school, the provider and the Hub. After it
 * ends, keep-in-touch contacts go in the same log. Every read and write is audited.
 */
@ApplicationScoped
public class PlacementCare {

    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;
    private final int reviewIntervalDays;
    private final SafeguardingConcerns safeguarding;

    public PlacementCare(
            Caller caller, AuditLog audit, Clock clock, OversightService oversight, SafeguardingConcerns safeguarding) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.reviewIntervalDays = oversight.rules().reviewIntervalDays();
        this.safeguarding = safeguarding;
    }

    @Transactional
    public LearningTarget addTarget(UUID placementId, String outcome, String target, LearningTarget.Progress progress) {
        Placement p = running(placementId);
        LearningTarget t = new LearningTarget();
        t.id = UUID.randomUUID();
        t.placementId = p.id;
        t.outcome = outcome;
        t.target = target;
        t.progress = progress == null ? LearningTarget.Progress.NOT_STARTED : progress;
        t.updatedBy = caller.username();
        t.updatedAt = OffsetDateTime.now(clock);
        t.persist();
        audit.record(AuditLog.Action.CREATE, "learning-target", t.id, "placement " + p.id);
        return t;
    }

    /** Records progress on a target (If-Match required: two people may be updating the plan). */
    @Transactional
    public LearningTarget recordProgress(
            UUID placementId, UUID targetId, String ifMatch, LearningTarget.Progress progress, String note) {
        Placement p = running(placementId);
        LearningTarget t = LearningTarget.findById(targetId);
        if (t == null || !t.placementId.equals(p.id)) {
            throw ProblemException.notFound("learning target", targetId);
        }
        Versions.requireIfMatch(ifMatch, t.version);
        audit.record(AuditLog.Action.UPDATE, "learning-target", t.id, t.progress + " -> " + progress);
        t.progress = progress;
        t.progressNote = note;
        t.updatedBy = caller.username();
        t.updatedAt = OffsetDateTime.now(clock);
        LearningTarget.getEntityManager().flush();
        return t;
    }

    @Transactional
    public List<LearningTarget> learningPlan(UUID placementId) {
        Placement p = Placement.findVisible(placementId, caller);
        audit.record(AuditLog.Action.READ, "learning-plan", p.id);
        return LearningTarget.of(p.id);
    }

    /** A review held: on or after the start, not in the future, and setting the next within the interval. */
    @Transactional
    public PlacementReview recordReview(
            UUID placementId,
            LocalDate heldOn,
            String attendees,
            String summary,
            String pupilVoice,
            PlacementReview.Decision decision,
            LocalDate nextReviewBy) {
        Placement p = running(placementId);
        requireBetween(heldOn, p.startDate, LocalDate.now(clock), "heldOn");
        LocalDate latest = heldOn.plusDays(reviewIntervalDays);
        if (!nextReviewBy.isAfter(heldOn) || nextReviewBy.isAfter(latest)) {
            throw new ProblemException(
                    PlacementRules.REVIEW_INTERVAL,
                    "the next review must be due after " + heldOn + " and by " + latest,
                    List.of(new FieldError(
                            "nextReviewBy",
                            "withinReviewInterval",
                            "a date after " + heldOn + ", on or before " + latest)));
        }
        PlacementReview r = new PlacementReview();
        r.id = UUID.randomUUID();
        r.placementId = p.id;
        r.heldOn = heldOn;
        r.attendees = attendees;
        r.summary = summary;
        r.pupilVoice = pupilVoice;
        r.decision = decision;
        r.nextReviewBy = nextReviewBy;
        r.recordedBy = caller.username();
        r.recordedAt = OffsetDateTime.now(clock);
        r.persist();
        audit.record(AuditLog.Action.CREATE, "placement-review", r.id, "placement " + p.id + ", " + decision);
        return r;
    }

    @Transactional
    public List<PlacementReview> reviews(UUID placementId) {
        Placement p = Placement.findVisible(placementId, caller);
        audit.record(AuditLog.Action.READ, "placement-reviews", p.id);
        return PlacementReview.of(p.id);
    }

    /**
     * A contact between school and provider (or a keep-in-touch contact after the end), by whoever records it. A
     * safeguarding concern raised in a contact becomes a concern record (medium severity until the Hub says more),
     * on the Hub's attention list and announced at once.
     */
    @Transactional
    public PlacementContact recordContact(
            UUID placementId,
            LocalDate contactOn,
            PlacementContact.Method method,
            String summary,
            boolean safeguardingConcern) {
        Placement p = running(placementId);
        requireBetween(contactOn, p.startDate, LocalDate.now(clock), "contactOn");
        PlacementContact c = new PlacementContact();
        c.id = UUID.randomUUID();
        c.placementId = p.id;
        c.contactOn = contactOn;
        c.party = caller.hasRole(Roles.SCHOOL_STAFF)
                ? PlacementContact.Party.SCHOOL
                : caller.hasRole(Roles.PROVIDER_STAFF)
                        ? PlacementContact.Party.PROVIDER
                        : PlacementContact.Party.ALP_HUB;
        c.method = method;
        c.summary = summary;
        c.safeguardingConcern = safeguardingConcern;
        c.recordedBy = caller.username();
        c.recordedAt = OffsetDateTime.now(clock);
        c.persist();
        audit.record(AuditLog.Action.CREATE, "placement-contact", c.id, "placement " + p.id);
        if (safeguardingConcern) {
            safeguarding.raise(
                    p.id,
                    SafeguardingConcern.Severity.MEDIUM,
                    "raised in a " + method.name().toLowerCase().replace('_', ' ') + " contact on " + contactOn + ": "
                            + summary,
                    c.id);
        }
        return c;
    }

    /**
     * The family's agreement to the placement and the plan for the rest of the pupil's week, recorded by the school
     * (or the Hub); the one with parental responsibility agrees. A newer record replaces it, audited.
     */
    @Transactional
    public Placement recordFamilyAgreement(UUID placementId, LocalDate agreedOn, String agreedWith, String plan) {
        Placement p = Placement.findVisible(placementId, caller);
        if (!caller.hasRole(Roles.HUB_OFFICER)
                && !(caller.hasRole(Roles.SCHOOL_STAFF) && caller.canSeeSchool(p.schoolUrn))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the school records the family's agreement");
        }
        if (p.status == Placement.Status.CANCELLED || p.status == Placement.Status.ENDED) {
            throw new ProblemException(PlacementRules.PLACEMENT_STATUS, "the placement is " + p.status);
        }
        if (agreedOn.isAfter(LocalDate.now(clock))) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    "an agreement is recorded once made",
                    List.of(new FieldError("agreedOn", "notInFuture", "must be today or earlier")));
        }
        Pupil pupil = Pupil.findById(p.pupilId);
        boolean responsible = pupil.carers.stream()
                .anyMatch(c -> c.parentalResponsibility() && c.name().equalsIgnoreCase(agreedWith.strip()));
        if (!responsible) {
            throw new ProblemException(
                    PlacementRules.FAMILY_AGREEMENT,
                    "agreedWith must be a carer on the pupil's record with parental responsibility",
                    List.of(new FieldError(
                            "agreedWith", "carerWithParentalResponsibility", "not on the pupil's record")));
        }
        p.familyAgreement =
                new FamilyAgreement(agreedOn, agreedWith.strip(), plan, caller.username(), OffsetDateTime.now(clock));
        audit.record(AuditLog.Action.UPDATE, "placement", p.id, "family agreement recorded (" + agreedOn + ")");
        Placement.getEntityManager().flush();
        return p;
    }

    @Transactional
    public List<PlacementContact> contacts(UUID placementId) {
        Placement p = Placement.findVisible(placementId, caller);
        audit.record(AuditLog.Action.READ, "placement-contacts", p.id);
        return PlacementContact.of(p.id);
    }

    /** A placement that has started (confirmed, active, ending or ended), as its school, provider or the Hub. */
    private Placement running(UUID id) {
        Placement p = Placement.findVisible(id, caller);
        if (p.status == Placement.Status.PROPOSED || p.status == Placement.Status.CANCELLED) {
            throw new ProblemException(PlacementRules.PLACEMENT_NOT_RUNNING, "the placement is " + p.status);
        }
        return p;
    }

    private static void requireBetween(LocalDate day, LocalDate from, LocalDate to, String field) {
        if (day.isBefore(from) || day.isAfter(to)) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    field + " " + day + " is outside " + from + " to " + to,
                    List.of(new FieldError(field, "fromStartToToday", "must be from " + from + " to " + to)));
        }
    }
}
