package uk.gov.bristol.alp.panel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import uk.gov.bristol.alp.panel.domain.AgendaItem;
import uk.gov.bristol.alp.panel.domain.Decision;
import uk.gov.bristol.alp.panel.domain.FairAccessClock;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.panel.domain.ReferralContent;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;
import uk.gov.bristol.alp.platform.web.Versions;

/** Referrals from draft to submission, returns to the school, reads (each audited) and Fair Access clocks. */
@ApplicationScoped
public class ReferralService {
    private final PanelEvents events;
    private final Caller caller;
    private final PanelAudience audience;
    private final AuditLog audit;
    private final Clock clock;
    private final SchoolCalendar calendar;

    public ReferralService(
            PanelEvents events,
            Caller caller,
            PanelAudience audience,
            AuditLog audit,
            Clock clock,
            SchoolCalendar calendar) {
        this.audience = audience;
        this.events = events;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** A new referral: kept as a draft, or submitted at once (then refused, and nothing kept, if incomplete). */
    @Transactional
    public Referral create(ReferralDraft content, boolean submit) {
        caller.requireActingFor(content.schoolUrn(), "schoolUrn");
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.schoolUrn = content.schoolUrn();
        r.status = Referral.Status.DRAFT;
        r.returns = new ArrayList<>();
        r.createdBy = caller.username();
        r.createdAt = now();
        content.applyTo(r);
        if (submit) {
            r.submit(caller.username(), now());
        }
        r.persist();
        audit.record(AuditLog.Action.CREATE, "referral", r.id, submit ? "created and submitted" : "draft saved");
        if (submit) {
            events.submitted(r, false);
        }
        return r;
    }

    /** Replaces a draft's or a returned referral's content (If-Match required: the school may edit in two tabs). */
    @Transactional
    public Referral update(UUID id, ReferralDraft content, String ifMatch) {
        Referral r = visibleForUpdate(id);
        Versions.requireIfMatch(ifMatch, r.version);
        r.requireEditable();
        if (!r.schoolUrn.equals(content.schoolUrn())) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    "a referral cannot move to another school",
                    List.of(new Problem.FieldError("schoolUrn", "unchanged", "must stay " + r.schoolUrn)));
        }
        content.applyTo(r);
        audit.record(AuditLog.Action.UPDATE, "referral", id, "content replaced while " + r.status);
        return r;
    }

    @Transactional
    public Referral submit(UUID id) {
        Referral r = visibleForUpdate(id);
        boolean resubmission = r.status == Referral.Status.RETURNED;
        r.submit(caller.username(), now());
        audit.record(AuditLog.Action.UPDATE, "referral", id, resubmission ? "resubmitted" : "submitted");
        events.submitted(r, resubmission);
        return r;
    }

    /** The panel or the Hub sends it back for more information; it leaves any agenda it was on. */
    @Transactional
    public Referral returnToSchool(UUID id, String reason) {
        Referral r = visibleForUpdate(id);
        r.returnToSchool(reason, caller.username(), now());
        AgendaItem.withdraw(id);
        audit.record(AuditLog.Action.UPDATE, "referral", id, "returned to the school: " + reason);
        events.returned(r, r.returns.get(r.returns.size() - 1));
        return r;
    }

    @Transactional
    public Referral read(UUID id) {
        Referral r = visible(id);
        audit.record(AuditLog.Action.READ, "referral", id);
        return r;
    }

    /** Referrals the caller may see (a school: its own), newest first; each one listed is audited as read. */
    @Transactional
    public Page<Referral> list(Referral.Status status, String schoolUrn, Boolean fairAccess, int page, int size) {
        Criteria criteria = new Criteria();
        audience.narrow(criteria);
        criteria.when(schoolUrn, "schoolUrn = :school", "school")
                .equal("status", status)
                .equal("fairAccess", fairAccess);
        var query = Referral.<Referral>find(criteria.orderedBy("createdAt desc, id"), criteria.parameters())
                .withHint(HibernateHints.HINT_READ_ONLY, true);
        Page<Referral> found = Page.of(query, page, size);
        found.items().forEach(r -> audit.record(AuditLog.Action.READ, "referral", r.id, "listed"));
        return found;
    }

    /**
     * Open Fair Access cases (submitted, not yet decided, or deferred) with their clocks, the nearest deadline
     * first; {@code overdueOnly} keeps those past the 20th school day.
     */
    @Transactional
    public List<FairAccessCase> fairAccessCases(boolean overdueOnly) {
        List<Referral> open = Referral.list(
                "fairAccess = true and status in ?1",
                List.of(Referral.Status.SUBMITTED, Referral.Status.SCHEDULED, Referral.Status.RETURNED));
        List<UUID> mine = audience.seesEverything() ? List.of() : audience.referralsOnMyAgendas();
        List<FairAccessCase> cases = open.stream()
                .filter(r -> audience.seesEverything() || mine.contains(r.id))
                .map(r -> new FairAccessCase(r, clockOf(r)))
                .filter(c -> !overdueOnly || c.clock().overdue())
                .sorted(Comparator.comparing((FairAccessCase c) -> c.clock().deadline()))
                .toList();
        cases.forEach(
                c -> audit.record(AuditLog.Action.READ, "referral", c.referral().id, "listed as a Fair Access case"));
        return cases;
    }

    /** Who read or changed the referral, when, and what changed; for auditors (reading it is not itself a read). */
    @Transactional
    public List<AuditLog.Entry> auditTrail(UUID id) {
        if (Referral.findById(id) == null) {
            throw ProblemException.notFound("referral", id);
        }
        return audit.trail("referral", id);
    }

    /** The Fair Access clock of a referral, or null when it is not a Fair Access case (or not yet submitted). */
    public FairAccessClock clockOf(Referral r) {
        if (!r.fairAccess || r.fairAccessSince == null) {
            return null;
        }
        LocalDate stoppedOn = r.status == Referral.Status.DECIDED
                ? Decision.current(r.id)
                        .map(d -> d.decidedAt.atZoneSameInstant(clock.getZone()).toLocalDate())
                        .orElse(null)
                : null;
        return FairAccessClock.of(r.fairAccessSince, stoppedOn, LocalDate.now(clock), calendar);
    }

    Referral visible(UUID id) {
        Referral r = Referral.findById(id);
        if (r == null || !audience.maySee(r)) {
            throw ProblemException.notFound("referral", id);
        }
        return r;
    }

    /** Locked for the rest of the transaction: status changes on one referral happen one at a time. */
    Referral visibleForUpdate(UUID id) {
        Referral r = Referral.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !audience.maySee(r)) {
            throw ProblemException.notFound("referral", id);
        }
        return r;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** A referral's content as the school writes it; any part may be missing until it is submitted. */
    public record ReferralDraft(
            String schoolUrn,
            ReferralContent.PupilDetails pupil,
            String reason,
            ReferralContent.Requested requested,
            boolean fairAccess,
            LocalDate fairAccessSince,
            List<ReferralContent.Intervention> graduatedResponse,
            ReferralContent.Safeguarding safeguarding,
            String parentView,
            String pupilVoice,
            List<ReferralContent.Attachment> attachments) {
        void applyTo(Referral r) {
            r.pupil = pupil == null ? ReferralContent.PupilDetails.NONE : pupil;
            r.reason = reason;
            r.requested = requested;
            r.fairAccess = fairAccess;
            r.fairAccessSince = fairAccess ? fairAccessSince : null;
            r.graduatedResponse = graduatedResponse == null ? List.of() : graduatedResponse;
            r.safeguarding = safeguarding;
            r.parentView = parentView;
            r.pupilVoice = pupilVoice;
            r.attachments = attachments == null ? List.of() : attachments;
        }
    }

    public record FairAccessCase(Referral referral, FairAccessClock clock) {}
}
