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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A provider's proposed offer (sites, contacts, specialisms, rates...), waiting for the registry: approved, it
 * replaces the offer; rejected, it says why. It records the provider's version it was made from, so a request made
 * before someone else changed the offer cannot silently undo that change.
 */
@Entity
@Table(name = "provider_change_request")
public class ChangeRequest extends PanacheEntityBase {
    public enum Status {
        PENDING,
        APPROVED,
        REJECTED,
        WITHDRAWN
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @JdbcTypeCode(SqlTypes.JSON)
    public ProviderDetails details;

    public String note;

    @Column(name = "base_version")
    public long baseVersion;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Version
    public long version;

    public void decide(Status outcome, String by, OffsetDateTime at, String why) {
        status = outcome;
        decidedBy = by;
        decidedAt = at;
        decisionNote = why;
    }
}
