package uk.gov.bristol.alp.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.gov.bristol.alp.platform.codes.CheckKind;

/**
 * A file a provider sent as evidence for one kind of check, waiting for the registry's review: accepted, it becomes a
 * passed check that names it; rejected, it says why. The file itself is a platform document of the provider.
 */
@Entity
@Table(name = "evidence_submission")
public class EvidenceSubmission extends PanacheEntityBase {
    public enum Status {
        SUBMITTED,
        ACCEPTED,
        REJECTED
    }

    @Id
    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public CheckKind kind;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "review_note")
    public String reviewNote;

    @Column(name = "check_id")
    public UUID checkId;

    @Version
    public long version;
}
