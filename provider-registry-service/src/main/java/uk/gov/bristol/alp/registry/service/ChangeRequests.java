package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.registry.domain.ChangeRequest;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.ProviderDetails;
import uk.gov.bristol.alp.registry.domain.RegistryRules;

/**
 * Provider self-service (docs/domain-rules.md, "Provider self-service"): a provider proposes its own offer as a
 * change request, one waiting at a time, which it may withdraw; a registry officer approves it (the offer is
 * replaced, published and audited as the provider's change) or rejects it saying why. A request made from an offer
 * that has changed since is refused on approval, so nobody's change is undone unseen.
 */
@ApplicationScoped
public class ChangeRequests {
    private final ProviderService providers;
    private final ProviderAudience audience;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public ChangeRequests(
            ProviderService providers, ProviderAudience audience, Caller caller, AuditLog audit, Clock clock) {
        this.providers = providers;
        this.audience = audience;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** A request with the names of the details it would change. */
    public record Proposed(ChangeRequest request, String changes) {}

    @Transactional
    public Proposed request(UUID providerId, ProviderDetails details, String note) {
        Provider p = Provider.findById(providerId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !ownProvider(providerId)) {
            throw ProblemException.notFound("provider", providerId);
        }
        details.validate();
        if (ChangeRequest.count("providerId = ?1 and status = ?2", providerId, ChangeRequest.Status.PENDING) > 0) {
            throw new ProblemException(
                    RegistryRules.CHANGE_REQUEST_STATUS, "a change request is already waiting: withdraw it first");
        }
        ChangeRequest r = new ChangeRequest();
        r.id = UUID.randomUUID();
        r.providerId = providerId;
        r.details = details;
        r.note = note;
        r.baseVersion = p.version;
        r.status = ChangeRequest.Status.PENDING;
        r.requestedBy = caller.username();
        r.requestedAt = OffsetDateTime.now(clock);
        r.persist();
        String changes = ProviderDetailsDiff.between(p.details(), details);
        audit.record(
                AuditLog.Action.CREATE, "provider-change-request", r.id, "provider " + providerId + ": " + changes);
        return new Proposed(r, changes);
    }

    @Transactional
    public Proposed approve(UUID providerId, UUID requestId, String note) {
        ChangeRequest r = pending(providerId, requestId);
        Provider p = Provider.findById(providerId, LockModeType.PESSIMISTIC_WRITE);
        if (p.version != r.baseVersion) {
            throw new ProblemException(
                    RegistryRules.CHANGE_REQUEST_STALE,
                    "the offer changed after the request (version " + r.baseVersion + ", now " + p.version
                            + "): reject it and ask the provider for a new one");
        }
        String changes = ProviderDetailsDiff.between(p.details(), r.details);
        providers.describe(p, r.details, "details changed by the provider's request " + r.id + ", approved");
        r.decide(ChangeRequest.Status.APPROVED, caller.username(), OffsetDateTime.now(clock), note);
        return new Proposed(r, changes);
    }

    @Transactional
    public Proposed reject(UUID providerId, UUID requestId, String reason) {
        return close(pending(providerId, requestId), ChangeRequest.Status.REJECTED, reason);
    }

    @Transactional
    public Proposed withdraw(UUID providerId, UUID requestId) {
        if (!ownProvider(providerId)) {
            throw ProblemException.notFound("change request", requestId);
        }
        return close(pending(providerId, requestId), ChangeRequest.Status.WITHDRAWN, "withdrawn by the provider");
    }

    /** The provider's requests, newest first (those who see its full record). */
    @Transactional
    public List<Proposed> of(UUID providerId) {
        Provider p = Provider.findById(providerId);
        if (p == null || !audience.seesFullRecord(providerId)) {
            throw ProblemException.notFound("provider", providerId);
        }
        return ChangeRequest.<ChangeRequest>list("providerId = ?1 order by requestedAt desc, id", providerId).stream()
                .map(r -> new Proposed(r, ProviderDetailsDiff.between(p.details(), r.details)))
                .toList();
    }

    /** The registry's queue: requests in a status (waiting ones by default), oldest first. */
    @Transactional
    public Page<ChangeRequest> queue(ChangeRequest.Status status, int page, int size) {
        Criteria criteria = new Criteria().equal("status", status == null ? ChangeRequest.Status.PENDING : status);
        return Page.of(
                ChangeRequest.<ChangeRequest>find(criteria.orderedBy("requestedAt, id"), criteria.parameters()),
                page,
                size);
    }

    private Proposed close(ChangeRequest r, ChangeRequest.Status outcome, String why) {
        r.decide(outcome, caller.username(), OffsetDateTime.now(clock), why);
        audit.record(
                AuditLog.Action.UPDATE,
                "provider-change-request",
                r.id,
                outcome.name().toLowerCase() + ": " + why);
        Provider p = Provider.findById(r.providerId);
        return new Proposed(r, ProviderDetailsDiff.between(p.details(), r.details));
    }

    private boolean ownProvider(UUID providerId) {
        return caller.actsForProvider(providerId.toString());
    }

    private static ChangeRequest pending(UUID providerId, UUID requestId) {
        ChangeRequest r = ChangeRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.providerId.equals(providerId)) {
            throw ProblemException.notFound("change request", requestId);
        }
        if (r.status != ChangeRequest.Status.PENDING) {
            throw new ProblemException(
                    RegistryRules.CHANGE_REQUEST_STATUS,
                    "the request is " + r.status.name().toLowerCase());
        }
        return r;
    }
}
