package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.placement.domain.SchoolCheck;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.CheckKind;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * A school's own checks on providers (docs/domain-rules.md, "Who may commission what"): recorded by the school's
 * staff, read by the school and authority staff, and shown on each placement beside the framework's standing.
 */
@ApplicationScoped
public class SchoolChecks {
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public SchoolChecks(Caller caller, AuditLog audit, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** The checks behind a placement: the framework's standing of its provider and its school's own checks. */
    public record PlacementChecks(
            UUID placementId, boolean offFramework, Framework framework, Collection<SchoolCheck> school) {}

    /** What the registry says of the provider (its checks are the registry's to show). */
    public record Framework(String frameworkStatus, boolean compliant, LocalDate compliantUntil) {}

    @Transactional
    public SchoolCheck record(
            UUID providerId, CheckKind kind, String evidenceReference, LocalDate checkedOn, LocalDate expiresOn) {
        if (!caller.hasRole(Roles.SCHOOL_STAFF)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "a school records its own checks");
        }
        if (ProviderView.findById(providerId) == null) {
            throw ProblemException.notFound("provider", providerId);
        }
        LocalDate today = LocalDate.now(clock);
        if (checkedOn.isAfter(today)) {
            throw invalid("checkedOn", "notInFuture", "a check is recorded once done");
        }
        if (!expiresOn.isAfter(checkedOn)) {
            throw invalid("expiresOn", "afterCheckedOn", "a check expires after the day it was done");
        }
        SchoolCheck c = new SchoolCheck();
        c.id = UUID.randomUUID();
        c.schoolUrn = caller.ownSchoolUrn();
        c.providerId = providerId;
        c.kind = kind;
        c.evidenceReference = evidenceReference;
        c.checkedOn = checkedOn;
        c.expiresOn = expiresOn;
        c.recordedBy = caller.username();
        c.recordedAt = OffsetDateTime.now(clock);
        c.persist();
        audit.record(AuditLog.Action.CREATE, "school-provider-check", c.id, kind + " on provider " + providerId);
        return c;
    }

    /** A school's current checks on a provider: its own school's for school staff, any school's for authority staff. */
    @Transactional
    public Collection<SchoolCheck> current(String schoolUrn, UUID providerId) {
        String urn = caller.isAuthorityWide()
                ? schoolUrn
                : caller.hasRole(Roles.SCHOOL_STAFF) ? caller.ownSchoolUrn() : null;
        if (urn == null) {
            throw caller.isAuthorityWide()
                    ? invalid("schoolUrn", "required", "name the school whose checks to read")
                    : new ProblemException(ProblemType.FORBIDDEN, "a school reads its own checks");
        }
        audit.record(AuditLog.Action.READ, "school-provider-checks", urn + "/" + providerId);
        return SchoolCheck.current(urn, providerId);
    }

    @Transactional
    public PlacementChecks forPlacement(UUID placementId) {
        Placement p = Placement.findVisible(placementId, caller);
        ProviderView provider = ProviderView.findById(p.providerId);
        Framework framework = provider == null
                ? new Framework("UNKNOWN", false, null)
                : new Framework(provider.frameworkStatus, provider.compliant, provider.compliantUntil);
        audit.record(AuditLog.Action.READ, "placement-checks", p.id);
        return new PlacementChecks(p.id, p.offFramework, framework, SchoolCheck.current(p.schoolUrn, p.providerId));
    }

    private static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(ProblemType.VALIDATION, message, List.of(new FieldError(field, rule, message)));
    }
}
