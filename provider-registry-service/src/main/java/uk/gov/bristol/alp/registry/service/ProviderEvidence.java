package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.CheckKind;
import uk.gov.bristol.alp.platform.document.Documents;
import uk.gov.bristol.alp.platform.document.StoredDocument;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.registry.domain.Authority;
import uk.gov.bristol.alp.registry.domain.CheckOutcome;
import uk.gov.bristol.alp.registry.domain.EvidenceSubmission;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.ProviderCheck;
import uk.gov.bristol.alp.registry.domain.RegistryRules;

/**
 * Compliance evidence as files (docs/domain-rules.md, "Documents"): a provider uploads its own (a DBS certificate,
 * its insurance schedule), or an officer for it; the registry reviews each and either accepts it, recording a passed
 * check that names the document, or rejects it saying why. Read by those who see the provider's full record.
 */
@ApplicationScoped
public class ProviderEvidence {
    /** The owner type provider documents are stored under. */
    public static final String OWNER = "provider";

    private final Documents documents;
    private final ProviderService providers;
    private final Caller caller;
    private final ProviderAudience audience;
    private final AuditLog audit;
    private final Clock clock;

    public ProviderEvidence(
            Documents documents,
            ProviderService providers,
            Caller caller,
            ProviderAudience audience,
            AuditLog audit,
            Clock clock) {
        this.documents = documents;
        this.providers = providers;
        this.caller = caller;
        this.audience = audience;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public EvidenceSubmission submit(UUID providerId, CheckKind kind, Documents.Upload upload, LocalDate expiresOn) {
        Provider provider = provider(providerId);
        StoredDocument d = documents.store(OWNER, provider.id, kind.name(), upload, expiresOn, caller.username());
        EvidenceSubmission s = new EvidenceSubmission();
        s.documentId = d.id;
        s.providerId = provider.id;
        s.kind = kind;
        s.status = EvidenceSubmission.Status.SUBMITTED;
        s.submittedBy = caller.username();
        s.submittedAt = d.uploadedAt;
        s.persist();
        return s;
    }

    /** Accepted: a passed check of the submission's kind, checked and expiring as the officer read the document. */
    @Transactional
    public EvidenceSubmission accept(
            UUID providerId,
            UUID documentId,
            LocalDate checkedOn,
            LocalDate expiresOn,
            String note,
            Authority actingFor) {
        EvidenceSubmission s = waiting(providerId, documentId);
        ProviderCheck check = providers.recordCheck(
                providerId,
                new ProviderService.NewCheck(
                        s.kind, CheckOutcome.PASSED, checkedOn, expiresOn, "document " + documentId, note),
                actingFor,
                caller.username());
        s.checkId = check.id;
        reviewed(s, EvidenceSubmission.Status.ACCEPTED, note);
        return s;
    }

    @Transactional
    public EvidenceSubmission reject(UUID providerId, UUID documentId, String reason) {
        EvidenceSubmission s = waiting(providerId, documentId);
        reviewed(s, EvidenceSubmission.Status.REJECTED, reason);
        return s;
    }

    @Transactional
    public List<EvidenceSubmission> of(UUID providerId) {
        provider(providerId);
        return EvidenceSubmission.list("providerId = ?1 order by submittedAt, documentId", providerId);
    }

    @Transactional
    public Documents.Download download(UUID providerId, UUID documentId) {
        provider(providerId);
        return documents.download(OWNER, providerId, documentId);
    }

    /** The registry's review queue: submissions in a status, oldest first (waiting ones by default). */
    @Transactional
    public Page<EvidenceSubmission> queue(EvidenceSubmission.Status status, int page, int size) {
        Criteria criteria =
                new Criteria().equal("status", status == null ? EvidenceSubmission.Status.SUBMITTED : status);
        return Page.of(
                EvidenceSubmission.<EvidenceSubmission>find(
                        criteria.orderedBy("submittedAt, documentId"), criteria.parameters()),
                page,
                size);
    }

    private void reviewed(EvidenceSubmission s, EvidenceSubmission.Status status, String note) {
        s.status = status;
        s.reviewedBy = caller.username();
        s.reviewedAt = OffsetDateTime.now(clock);
        s.reviewNote = note;
        audit.record(
                AuditLog.Action.UPDATE,
                "provider",
                s.providerId,
                "evidence " + s.documentId + " (" + s.kind + ") "
                        + status.name().toLowerCase() + (note == null ? "" : ": " + note));
    }

    private static EvidenceSubmission waiting(UUID providerId, UUID documentId) {
        EvidenceSubmission s = EvidenceSubmission.findById(documentId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !s.providerId.equals(providerId)) {
            throw ProblemException.notFound("evidence", documentId);
        }
        if (s.status != EvidenceSubmission.Status.SUBMITTED) {
            throw new ProblemException(
                    RegistryRules.EVIDENCE_REVIEWED,
                    "the evidence was already " + s.status.name().toLowerCase());
        }
        return s;
    }

    /** The provider, if the caller sees its full record (its own staff, officers, partners, auditors). */
    private Provider provider(UUID providerId) {
        Provider p = Provider.findById(providerId);
        if (p == null || !audience.seesFullRecord(providerId)) {
            throw ProblemException.notFound("provider", providerId);
        }
        return p;
    }
}
