package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementContact;
import uk.gov.bristol.alp.placement.domain.PlacementRules;
import uk.gov.bristol.alp.placement.domain.SafeguardingConcern;
import uk.gov.bristol.alp.placement.domain.SafeguardingConcern.Status;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * Safeguarding concerns about placements (docs/domain-rules.md, "Safeguarding concerns"). The placement's school,
 * its provider or the Hub raises one; it is on the Hub's attention list, and announced, at once; a Hub officer
 * acknowledges it, assigns it, notes what was done and closes it with an outcome; the school and the provider may
 * note what they did. Every read and every change is audited; nothing is deleted.
 */
@ApplicationScoped
public class SafeguardingConcerns {
    private final Caller caller;
    private final AuditLog audit;
    private final OversightService oversight;
    private final Clock clock;

    public SafeguardingConcerns(Caller caller, AuditLog audit, OversightService oversight, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.oversight = oversight;
        this.clock = clock;
    }

    /** Raised by the placement's school or provider, or by the Hub, on a placement that has not been cancelled. */
    @Transactional
    public SafeguardingConcern raise(
            UUID placementId, SafeguardingConcern.Severity severity, String summary, UUID contactId) {
        Placement p = Placement.findVisible(placementId, caller);
        // The SEND team too: it logs contacts on its placements, and a concern in a contact becomes one of these.
        boolean involved = caller.hasRole(Roles.HUB_OFFICER)
                || caller.hasRole(Roles.SEND_OFFICER)
                || (caller.hasRole(Roles.SCHOOL_STAFF) && caller.canSeeSchool(p.schoolUrn))
                || (caller.hasRole(Roles.PROVIDER_STAFF) && caller.canSeeProvider(p.providerId.toString()));
        if (!involved) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "a concern is raised by the placement's school, its provider, the Hub or the SEND team");
        }
        if (p.status == Placement.Status.CANCELLED) {
            throw new ProblemException(PlacementRules.PLACEMENT_NOT_RUNNING, "the placement was cancelled");
        }
        SafeguardingConcern c = new SafeguardingConcern();
        c.id = UUID.randomUUID();
        c.placementId = p.id;
        c.schoolUrn = p.schoolUrn;
        c.providerId = p.providerId;
        c.contactId = contactId;
        c.severity = severity;
        c.summary = summary;
        c.raisedBy = caller.username();
        c.raisedByParty = party();
        c.raisedAt = OffsetDateTime.now(clock);
        c.status = Status.RAISED;
        c.persist();
        audit.record(AuditLog.Action.CREATE, "safeguarding-concern", c.id, "placement " + p.id + ", " + severity);
        oversight.announceSafeguarding(c, ZonedDateTime.now(clock));
        return c;
    }

    /** Who the caller speaks for: the school, the provider or the Hub. */
    PlacementContact.Party party() {
        return caller.hasRole(Roles.SCHOOL_STAFF)
                ? PlacementContact.Party.SCHOOL
                : caller.hasRole(Roles.PROVIDER_STAFF)
                        ? PlacementContact.Party.PROVIDER
                        : PlacementContact.Party.ALP_HUB;
    }

    /** Concerns within the caller's scope (authority staff all, a school its own, a provider its own), newest first. */
    @Transactional
    public Page<SafeguardingConcern> list(Status status, UUID placementId, int page, int size) {
        Criteria criteria = CallerScope.restrict(new Criteria(), caller);
        criteria.equal("status", status).equal("placementId", placementId);
        Page<SafeguardingConcern> found = Page.of(
                SafeguardingConcern.<SafeguardingConcern>find(
                        criteria.orderedBy("raisedAt desc, id"), criteria.parameters()),
                page,
                size);
        audit.record(AuditLog.Action.READ, "safeguarding-concerns", status == null ? "all" : status.name());
        return found;
    }

    @Transactional
    public SafeguardingConcern read(UUID id) {
        SafeguardingConcern c = visible(id);
        audit.record(AuditLog.Action.READ, "safeguarding-concern", id);
        return c;
    }

    /** A Hub officer has seen the concern and owns its next step: it leaves the attention list. */
    @Transactional
    public SafeguardingConcern acknowledge(UUID id) {
        SafeguardingConcern c = hubOfficerOn(id);
        if (c.status != Status.RAISED) {
            throw new ProblemException(
                    PlacementRules.SAFEGUARDING_CONCERN_STATUS,
                    "the concern was acknowledged by " + c.acknowledgedBy + " at " + c.acknowledgedAt);
        }
        c.status = Status.ACKNOWLEDGED;
        c.acknowledgedBy = caller.username();
        c.acknowledgedAt = OffsetDateTime.now(clock);
        audit.record(AuditLog.Action.UPDATE, "safeguarding-concern", c.id, "acknowledged");
        return flushed(c);
    }

    /** Gives the concern to a named officer (the Hub's designated safeguarding lead, a social worker). */
    @Transactional
    public SafeguardingConcern assign(UUID id, String assignee) {
        SafeguardingConcern c = open(hubOfficerOn(id));
        c.assignedTo = assignee;
        note(c, "assigned to " + assignee);
        audit.record(AuditLog.Action.UPDATE, "safeguarding-concern", c.id, "assigned to " + assignee);
        return flushed(c);
    }

    /** What was done: by the Hub, or by the placement's school or provider. */
    @Transactional
    public SafeguardingConcern noteAction(UUID id, String note) {
        SafeguardingConcern c = open(visible(id));
        if (caller.isAuthorityWide() && !caller.hasRole(Roles.HUB_OFFICER)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN, "actions are noted by the Hub, the school or the provider");
        }
        note(c, note);
        audit.record(AuditLog.Action.UPDATE, "safeguarding-concern", c.id, "action noted");
        return flushed(c);
    }

    /** Closed by a Hub officer with its outcome; a raised concern is acknowledged first. */
    @Transactional
    public SafeguardingConcern close(UUID id, SafeguardingConcern.Outcome outcome, String note) {
        SafeguardingConcern c = hubOfficerOn(id);
        if (c.status != Status.ACKNOWLEDGED) {
            throw new ProblemException(
                    PlacementRules.SAFEGUARDING_CONCERN_STATUS,
                    c.isClosed() ? "the concern is closed" : "acknowledge the concern before closing it");
        }
        c.status = Status.CLOSED;
        c.outcome = outcome;
        c.outcomeNote = note;
        c.closedBy = caller.username();
        c.closedAt = OffsetDateTime.now(clock);
        audit.record(AuditLog.Action.UPDATE, "safeguarding-concern", c.id, "closed: " + outcome);
        return flushed(c);
    }

    /** The concern if the caller may see it (authority staff, its placement's school or provider); else not found. */
    private SafeguardingConcern visible(UUID id) {
        SafeguardingConcern c = SafeguardingConcern.findById(id);
        if (c == null || !(caller.canSeeSchool(c.schoolUrn) || caller.canSeeProvider(c.providerId.toString()))) {
            throw ProblemException.notFound("safeguarding concern", id);
        }
        return c;
    }

    private SafeguardingConcern hubOfficerOn(UUID id) {
        SafeguardingConcern c = visible(id);
        if (!caller.hasRole(Roles.HUB_OFFICER)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN, "a Hub officer acknowledges, assigns and closes safeguarding concerns");
        }
        return c;
    }

    private static SafeguardingConcern open(SafeguardingConcern c) {
        if (c.isClosed()) {
            throw new ProblemException(PlacementRules.SAFEGUARDING_CONCERN_STATUS, "the concern is closed");
        }
        return c;
    }

    private void note(SafeguardingConcern c, String note) {
        List<SafeguardingConcern.Action> actions = new ArrayList<>(c.actions);
        actions.add(new SafeguardingConcern.Action(OffsetDateTime.now(clock), caller.username(), note));
        c.actions = actions;
    }

    private static SafeguardingConcern flushed(SafeguardingConcern c) {
        SafeguardingConcern.getEntityManager().flush();
        return c;
    }
}
